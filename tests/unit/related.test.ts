import { describe, expect, it } from "vitest";
import { frenchList, rankRelated, rarityWeight, timeCloseness, type RelatedCandidate, type RelatedTarget } from "@/lib/related";

const NAMES: Record<string, string> = { cdc: "Caisse des Dépôts" };
const e = (slug: string, name = NAMES[slug] ?? slug[0]!.toUpperCase() + slug.slice(1)) => ({ slug, name });
const article = (slug: string, dateStart: string, ...entities: string[]): RelatedCandidate => ({
  slug,
  title: `Titre ${slug}`,
  dateStart,
  entities: entities.map((s) => e(s)),
});

// 100 articles: Numergy is in 90 of them, Ikoula in 2, Bull in 10.
const options = {
  articleCounts: new Map([
    ["numergy", 90],
    ["ikoula", 2],
    ["bull", 10],
    ["cdc", 40],
  ]),
  totalArticles: 100,
};

const target: RelatedTarget = {
  slug: "cible",
  dateStart: "2014-09-25",
  entities: [e("numergy"), e("ikoula"), e("bull"), e("cdc")],
  explicit: [],
};

describe("rankRelated", () => {
  it("puts explicit links first, in the editor's order, even without anything shared", () => {
    const candidates = [article("a", "2014-09-01", "ikoula"), article("b", "2001-01-01"), article("c", "2002-01-01")];
    const ranked = rankRelated({ ...target, explicit: ["c", "b"] }, candidates, options);
    expect(ranked.map((r) => [r.slug, r.reason])).toEqual([
      ["c", "lien choisi par la rédaction"],
      ["b", "lien choisi par la rédaction"],
      ["a", "également sur Ikoula"],
    ]);
  });

  it("weights shared entities by rarity: one rare entity beats one common entity", () => {
    const ranked = rankRelated(target, [article("commun", "2014-09-25", "numergy"), article("rare", "2014-09-25", "ikoula")], options);
    expect(ranked.map((r) => r.slug)).toEqual(["rare", "commun"]);
  });

  it("sums the weights of every shared entity", () => {
    const ranked = rankRelated(target, [article("un", "2014-09-25", "bull"), article("deux", "2014-09-25", "bull", "numergy")], options);
    expect(ranked.map((r) => r.slug)).toEqual(["deux", "un"]);
  });

  it("breaks ties by closeness in time", () => {
    const ranked = rankRelated(target, [article("loin", "2012-01-01", "bull"), article("proche", "2014-10-01", "bull")], options);
    expect(ranked.map((r) => r.slug)).toEqual(["proche", "loin"]);
  });

  it("ranks articles sharing nothing after those sharing something, by period", () => {
    const ranked = rankRelated(
      target,
      [article("meme-periode", "2014-09-20"), article("numergy-ancien", "2011-01-01", "numergy")],
      { ...options, formatDate: () => "septembre 2014" },
    );
    expect(ranked.map((r) => [r.slug, r.reason])).toEqual([
      ["numergy-ancien", "également sur Numergy"],
      ["meme-periode", "publié à la même période (septembre 2014)"],
    ]);
  });

  it("names the rarest shared entities first in the reason", () => {
    const [top] = rankRelated(target, [article("x", "2014-09-25", "numergy", "cdc", "bull", "ikoula")], options);
    expect(top!.reason).toBe("également sur Ikoula, Bull et Caisse des Dépôts…");
  });

  it("never returns the article itself nor duplicates, and respects the limit", () => {
    const candidates = [article("cible", "2014-09-25", "ikoula"), ...Array.from({ length: 10 }, (_, i) => article(`a${i}`, "2014-09-25", "bull"))];
    const ranked = rankRelated({ ...target, explicit: ["a1", "a1"] }, candidates, { ...options, limit: 4 });
    expect(ranked).toHaveLength(4);
    expect(ranked.map((r) => r.slug)).not.toContain("cible");
    expect(new Set(ranked.map((r) => r.slug)).size).toBe(4);
  });
});

describe("ranking parts", () => {
  it("rarity weight falls as an entity gets common", () => {
    expect(rarityWeight(1, 100)).toBeGreaterThan(rarityWeight(10, 100));
    expect(rarityWeight(100, 100)).toBeCloseTo(Math.log(2));
  });

  it("time closeness halves every 180 days", () => {
    expect(timeCloseness("2014-01-01", "2014-01-01")).toBe(0.5);
    expect(timeCloseness("2014-01-01", "2014-06-30")).toBeCloseTo(0.25, 2);
  });

  it("joins names the French way", () => {
    expect(frenchList(["Bull"])).toBe("Bull");
    expect(frenchList(["Bull", "Ikoula", "Gandi"])).toBe("Bull, Ikoula et Gandi");
  });
});

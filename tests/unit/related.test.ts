import { describe, expect, it } from "vitest";
import {
  buildRelatedGraph,
  frenchList,
  NEIGHBOURS,
  neighbourhood,
  rankRelated,
  rarityWeight,
  relatedInGraph,
  timeCloseness,
  WINDOW,
  type RelatedCandidate,
  type RelatedTarget,
} from "@/lib/related";

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

describe("relatedInGraph (the ingest's ranking over a whole corpus)", () => {
  // A deterministic corpus: 300 articles over 6 years, 8 entities of very different frequencies.
  const slugs = ["numergy", "cloudwatt", "bull", "sfr", "orange", "thales", "ikoula", "gandi"];
  const every = [2, 3, 5, 4, 6, 9, 40, 75];
  const entities = slugs.map((slug, id) => ({ id, ...e(slug) }));
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const articles = Array.from({ length: 300 }, (_, id) => {
    const day = Math.floor(random() * 6 * 365);
    return { id, slug: `s${String(id).padStart(3, "0")}`, title: `T${id}`, dateStart: new Date(Date.UTC(2011, 0, 1 + day)).toISOString().slice(0, 10) };
  });
  const links = articles.flatMap((a) => slugs.flatMap((_, k) => ((a.id * 7 + k) % every[k]! === 0 ? [[a.id, k] as const] : [])));
  const explicit = [[5, 250], [5, 17]] as const;
  const graph = buildRelatedGraph(articles, links, entities, explicit);

  it("ranks exactly as rankRelated when the neighbourhood is the whole corpus", () => {
    const entitiesOf = (id: number) => links.filter(([a]) => a === id).map(([, k]) => entities[k]!);
    const df = new Map(slugs.map((slug, k) => [slug, links.filter(([, x]) => x === k).length]));
    for (const a of articles.slice(0, 60)) {
      const p = graph.positionOf.get(a.id)!;
      const mine = relatedInGraph(graph, p, { window: 1000, neighbours: 1000 });
      const reference = rankRelated(
        { slug: a.slug, dateStart: a.dateStart, entities: entitiesOf(a.id), explicit: explicit.filter(([f]) => f === a.id).map(([, t]) => articles[t]!.slug) },
        articles.filter((c) => c.id !== a.id).map((c) => ({ ...c, entities: entitiesOf(c.id) })),
        { articleCounts: df, totalArticles: articles.length },
      );
      expect(mine.map((s) => [graph.slugs[s.position], s.reason, s.score])).toEqual(reference.map((r) => [r.slug, r.reason, r.score]));
    }
  });

  it("looks at a bounded neighbourhood: the rare entities' articles, a window of the common ones, the period", () => {
    const p = graph.postings[6]![0]!; // an article about Ikoula
    const around = neighbourhood(graph, p);
    const own = Array.from(graph.entityOf.subarray(graph.entityStart[p]!, graph.entityStart[p + 1]!));
    expect(around.size).toBeLessThanOrEqual(2 * NEIGHBOURS + own.length * (2 * WINDOW + 1));
    for (const k of own) {
      const list = graph.postings[k]!;
      // A rare entity (Ikoula): all of its articles are candidates; a common one: a window around p.
      const inside = list.filter((q) => q !== p && around.has(q)).length;
      if (list.length <= 2 * WINDOW + 1) expect(inside).toBe(list.length - 1);
      else expect(inside).toBeGreaterThanOrEqual(WINDOW);
    }
    expect(own).toContain(6);
    expect(relatedInGraph(graph, graph.positionOf.get(5)!).slice(0, 2).map((s) => s.reason)).toEqual([
      "lien choisi par la rédaction",
      "lien choisi par la rédaction",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { compileMatcher, findMentions, linkMentions } from "@/lib/content/mentions";
import { parseContentFile } from "@/lib/content/parse";

const matcher = compileMatcher([
  { slug: "caisse-des-depots", names: ["Caisse des Dépôts", "Caisse des Dépôts et Consignations", "CDC"] },
  { slug: "dassault-systemes", names: ["Dassault Systèmes", "Dassault"] },
  { slug: "thales", names: ["Thales", "Thalès"] },
  { slug: "sfr", names: ["SFR"] },
  { slug: "numericable", names: ["Numericable", "Numéricable"] },
  { slug: "bull", names: ["Bull"] },
  { slug: "investissements-d-avenir", names: ["Investissements d'avenir"] },
]);

const slugs = (text: string) => findMentions(matcher, text).map((m) => [m.slug, m.count]);

describe("findMentions", () => {
  it("ignores case and accents", () => {
    expect(slugs("THALÈS, thales et Thalès")).toEqual([["thales", 3]]);
    expect(slugs("la caisse des depots")).toEqual([["caisse-des-depots", 1]]);
  });

  it("takes the longest name first", () => {
    expect(slugs("la Caisse des Dépôts et Consignations")).toEqual([["caisse-des-depots", 1]]);
    expect(slugs("Dassault Systèmes, puis Dassault")).toEqual([["dassault-systemes", 2]]);
  });

  it("matches whole words only", () => {
    expect(slugs("Bulles, bulldozer, SFRance, XCDC")).toEqual([]);
    expect(slugs("SFR-Numéricable et Bull-Atos")).toEqual([
      ["bull", 1],
      ["numericable", 1],
      ["sfr", 1],
    ]);
  });

  it("reads typographic apostrophes and line breaks inside names", () => {
    expect(slugs("les « investissements d’avenir »")).toEqual([["investissements-d-avenir", 1]]);
    expect(slugs("la Caisse\ndes Dépôts")).toEqual([["caisse-des-depots", 1]]);
  });

  it("records the offset of each occurrence", () => {
    expect(findMentions(matcher, "SFR et SFR")[0]).toEqual({ slug: "sfr", count: 2, positions: [0, 7] });
  });

  it("finds nothing without entities", () => {
    expect(findMentions(compileMatcher([]), "SFR")).toEqual([]);
  });
});

describe("linkMentions", () => {
  const href = (slug: string) => `/entities/${slug}`;

  it("links the first mention of each entity per section only", () => {
    const html = "<p>SFR et Bull. Puis SFR.</p><h2 id=\"x\">SFR</h2><p>Encore SFR et Bull.</p>";
    expect(linkMentions(html, matcher, href)).toBe(
      '<p><a href="/entities/sfr" class="mention">SFR</a> et <a href="/entities/bull" class="mention">Bull</a>. Puis SFR.</p>' +
        '<h2 id="x">SFR</h2><p>Encore <a href="/entities/sfr" class="mention">SFR</a> et <a href="/entities/bull" class="mention">Bull</a>.</p>',
    );
  });

  it("never links inside links, headings or code", () => {
    const html = '<p><a href="https://sfr.fr">SFR</a> <code>Bull</code> Thalès</p>';
    expect(linkMentions(html, matcher, href)).toBe(
      '<p><a href="https://sfr.fr">SFR</a> <code>Bull</code> <a href="/entities/thales" class="mention">Thalès</a></p>',
    );
  });

  it("keeps escaped text escaped", () => {
    expect(linkMentions("<p>&lt;script&gt; SFR</p>", matcher, href)).toBe('<p>&lt;script&gt; <a href="/entities/sfr" class="mention">SFR</a></p>');
  });
});

describe("names from the saga's content", () => {
  // The entities as they stand in content/entities, loaded through the real parser.
  const saga = (() => {
    return compileMatcher(
      readdirSync("content/entities").map((file) => {
        const parsed = parseContentFile("entity", file, readFileSync(`content/entities/${file}`, "utf8"));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const data = parsed.value.data as { name: string; aliases: string[]; exactAliases: string[] };
        return { slug: parsed.value.slug, names: [data.name, ...data.aliases], exact: data.exactAliases };
      }),
    );
  })();
  const found = (text: string) => findMentions(saga, text).map((m) => m.slug).sort();

  it("links both companies in Numericable-SFR", () => {
    expect(found("le groupe Numericable-SFR")).toEqual(["numericable", "sfr"]);
  });

  it("does not take ordinary or ambiguous words for the saga's actors", () => {
    expect(found("Bercy, la CDC, Dassault Aviation et le Grand emprunt de 1993")).toEqual([]);
    expect(found("l'Open Cloud Alliance")).toEqual([]);
    expect(found("l'état du nuage Numergy, L'état des lieux")).toEqual(["numergy"]);
  });

  it("links the State where it is the subject, written l'État or l'Etat, with either apostrophe", () => {
    expect(found("l’État est sur le point de se retirer")).toEqual(["etat-francais"]);
    expect(found("L'Etat français")).toEqual(["etat-francais"]);
    expect(findMentions(saga, "l'État, puis l’Etat")).toEqual([{ slug: "etat-francais", count: 2, positions: [0, 13] }]);
  });
});

describe("exact names", () => {
  const exact = compileMatcher([
    { slug: "etat", names: ["État français"], exact: ["l'État"] },
    { slug: "sfr", names: ["SFR"] },
  ]);
  it("are matched as written only, the longer overlapping name winning", () => {
    expect(findMentions(exact, "l'état, L'ÉTAT, l'État français et SFR")).toEqual([
      { slug: "etat", count: 1, positions: [16] },
      { slug: "sfr", count: 1, positions: [35] },
    ]);
  });
  it("are linked in pages like other names", () => {
    expect(linkMentions("<p>l’État et l'état</p>", exact, (s) => `/e/${s}`)).toBe('<p><a href="/e/etat" class="mention">l’État</a> et l\'état</p>');
  });
});

import { describe, expect, it } from "vitest";
import { compileMatcher, findMentions, linkMentions } from "@/lib/content/mentions";

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

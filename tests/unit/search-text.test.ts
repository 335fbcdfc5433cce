import { describe, expect, it } from "vitest";
import { MAX_TERMS, parseSearchText, SearchSyntaxError } from "@/lib/search/query";
import { buildSnippet } from "@/lib/search/snippet";
import { fold, indexText } from "@/lib/search/text";

describe("text normalisation (index and query alike)", () => {
  it.each([
    ["État", "etat"],
    ["Dépôts", "depots"],
    ["Thalès", "thales"],
    ["actionnaires", "actionnaire"],
    ["souveraine", "souverain"],
    ["investissements", "investissement"],
    ["Numérique", "numerique"],
  ])("%s and %s index to the same term", (a, b) => {
    expect(indexText(a)).toBe(indexText(b));
  });

  it("folds ligatures and case", () => {
    expect(fold("Œuvre ÆTHER")).toBe("oeuvre aether");
  });

  it("splits elisions and hyphens into words", () => {
    expect(indexText("l’État Val-de-Reuil")).toBe(indexText("l etat val de reuil"));
  });
});

describe("parseSearchText", () => {
  it("requires every word, ignoring stopwords", () => {
    expect(parseSearchText("la Caisse des Dépôts").match).toBe('"caiss" AND "depot"');
  });

  it("keeps exact phrases, stopwords included", () => {
    expect(parseSearchText('"Caisse des Dépôts"').match).toBe('"caiss de depot"');
  });

  it("supports prefixes, OR and exclusions", () => {
    expect(parseSearchText("souver*").match).toBe('"souv"*');
    expect(parseSearchText("cloudwatt OR numergy orange").match).toBe('("cloudwatt" OR "numergy") AND "orang"');
    expect(parseSearchText("numergy -sfr").match).toBe('("numergy") NOT ("sfr")');
  });

  it("collects stems and prefixes to highlight", () => {
    const parsed = parseSearchText('actionnaires "cloud souverain" open*');
    expect([...parsed.terms].sort()).toEqual(["actionnair", "cloud", "souverain"]);
    expect(parsed.prefixes).toEqual(["open"]);
  });

  it.each([
    'numergy" OR (',
    "NEAR(numergy cloudwatt, 2)",
    "title:numergy",
    "numergy AND cloudwatt",
    "'; DROP TABLE \"Article\"; --",
    'a"b"c',
    "🚀 numergy 🇫🇷",
    "x".repeat(1500),
    "^numergy",
    "numergy*cloudwatt",
  ])("turns %j into quoted stems only", (input) => {
    const { match } = parseSearchText(input);
    // Outside quotes only our own operators and parentheses may appear.
    expect(match.replace(/"[^"]*"\*?/g, "").replace(/\b(AND|OR|NOT)\b|[()\s]/g, "")).toBe("");
  });

  it.each(["*", "()", '""', "🚀", "-numergy", "   ", "OR", "-\"cloud\""])("refuses %j with a clear message", (input) => {
    expect(() => parseSearchText(input)).toThrow(SearchSyntaxError);
  });

  it("refuses more than the maximum number of terms", () => {
    const words = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `mot${i}`).join(" ");
    expect(() => parseSearchText(words)).toThrow(/too many terms/);
  });

  it("searches stopwords alone when nothing else is given", () => {
    expect(parseSearchText("la").match).toBe('"la"');
  });
});

describe("buildSnippet", () => {
  const text = "Au départ, il ne devait y avoir qu'une entreprise. Les actionnaires de Numergy <b>et</b> de Cloudwatt ont investi.";

  it("marks matched words in the original text and escapes the rest", () => {
    const html = buildSnippet(text, parseSearchText("actionnaire"));
    expect(html).toContain("<mark>actionnaires</mark>");
    expect(html).toContain("&lt;b&gt;et&lt;/b&gt;");
    expect(html).not.toContain("<b>");
  });

  it("marks prefixes, and words typed without accents", () => {
    expect(buildSnippet("Le départ de Dassault Systèmes", parseSearchText("depart dass*"))).toBe(
      "Le <mark>départ</mark> de <mark>Dassault</mark> Systèmes",
    );
  });

  it("centres on the densest passage of a long text", () => {
    const long = `${"mot ".repeat(100)}Numergy et Cloudwatt ${"fin ".repeat(100)}`;
    const html = buildSnippet(long, parseSearchText("numergy cloudwatt"));
    expect(html.startsWith("… ")).toBe(true);
    expect(html).toContain("<mark>Numergy</mark> et <mark>Cloudwatt</mark>");
    expect(html.endsWith(" …")).toBe(true);
  });

  it("opens the text when there is no query", () => {
    expect(buildSnippet("Un <texte> court.", null)).toBe("Un &lt;texte&gt; court.");
  });
});

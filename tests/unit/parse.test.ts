import { describe, expect, it } from "vitest";
import { parseContentFile } from "@/lib/content/parse";

const VALID = `---
title: "Cloud souverain : deux ans après, on fait le point"
source: Next INpact
published: 2014-09-25
---

Le texte.
`;

/** Replaces or adds frontmatter lines in the valid article above. */
function article(extra: string, base = VALID): string {
  return base.replace("published: 2014-09-25\n", `published: 2014-09-25\n${extra}`);
}

function problems(raw: string, fileName = "un-article.md") {
  const result = parseContentFile("article", fileName, raw);
  return result.ok ? [] : result.problems;
}

describe("article frontmatter", () => {
  it("accepts the minimal article and fills defaults", () => {
    const result = parseContentFile("article", "un-article.md", VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.slug).toBe("un-article");
    expect(result.value.data).toMatchObject({
      title: "Cloud souverain : deux ans après, on fait le point",
      source: "Next INpact",
      published: { value: "2014-09-25", precision: "day" },
      approximate: false,
      language: "fr",
      status: "published",
      entities: [],
      related: [],
    });
    expect(result.value.body).toBe("Le texte.\n");
  });

  it("accepts every key of the contract", () => {
    const raw = article(
      `approximate: true\nurl: https://www.nextinpact.com/news/x.htm\nauthor: [Guénaël Pépin, Autre]\nlanguage: fr\nsummary: Un résumé.\nentities: [numergy, cloudwatt]\nrelated: [autre-article]\nstatus: draft\n`,
    );
    const result = parseContentFile("article", "un-article.md", raw);
    expect(result.ok && result.value.data).toMatchObject({ approximate: true, author: ["Guénaël Pépin", "Autre"], status: "draft" });
  });

  it.each([
    ["2014", "year"],
    ['"2014"', "year"],
    ["2014-09", "month"],
    ["'2014-09-25'", "day"],
  ])("reads published: %s as a %s", (written, precision) => {
    const result = parseContentFile("article", "a.md", VALID.replace("2014-09-25", written));
    expect(result.ok && result.value.data.published.precision).toBe(precision);
  });

  it("accepts a BOM and CRLF line ends", () => {
    const result = parseContentFile("article", "a.md", "\uFEFF" + VALID.replace(/\n/g, "\r\n"));
    expect(result.ok).toBe(true);
  });

  it.each([
    ["a missing title", VALID.replace(/^title:.*\n/m, ""), "title", 1, "is required"],
    ["an empty title", VALID.replace(/^title:.*$/m, 'title: ""'), "title", 2, "must not be empty"],
    ["a missing source", VALID.replace(/^source:.*\n/m, ""), "source", 1, "is required"],
    ["a missing date", VALID.replace(/^published:.*\n/m, ""), "published", 1, "is required"],
    ["an impossible date", VALID.replace("2014-09-25", "2015-13-40"), "published", 4, "month 13 does not exist"],
    ["a 30th of February", VALID.replace("2014-09-25", "2016-02-30"), "published", 4, "day 30 does not exist"],
    ["a date in words", VALID.replace("2014-09-25", "septembre 2014"), "published", 4, "YYYY, YYYY-MM or YYYY-MM-DD"],
    ["a non-boolean approximate", article("approximate: yes\n"), "approximate", 5, "true or false"],
    ["a javascript: url", article("url: javascript:alert(1)\n"), "url", 5, "http:// or https://"],
    ["an ftp url", article("url: ftp://example.org/a\n"), "url", 5, "http:// or https://"],
    ["an author that is a number", article("author: 42\n"), "author", 5, "name or a list of names"],
    ["a language that is not ISO 639-1", article("language: french\n"), "language", 5, "ISO 639-1"],
    ["a summary over 500 characters", article(`summary: ${"x".repeat(501)}\n`), "summary", 5, "at most 500"],
    ["an entity that is not a slug", article("entities:\n  - numergy\n  - Caisse des Dépôts\n"), "entities.1", 7, "must be a slug"],
    ["an entity listed twice", article("entities: [numergy, numergy]\n"), "entities", 5, "twice"],
    ["related that is not a list", article("related: autre\n"), "related", 5, "list of slugs"],
    ["an unknown status", article("status: archived\n"), "status", 5, "published or draft"],
    ["an unknown key", article("tags: [cloud]\n"), "tags", 5, "not a known key"],
  ])("reports %s with its field and line", (_label, raw, field, line, message) => {
    const found = problems(raw);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, line });
    expect(found[0]!.message).toContain(message);
  });

  it("reports a YAML syntax error at its line", () => {
    const found = problems(VALID.replace("source: Next INpact", 'source: "Next INpact'));
    expect(found[0]).toMatchObject({ field: "frontmatter" });
    expect(found[0]!.message).toMatch(/YAML syntax error/);
    expect(found[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it("reports a key written twice", () => {
    expect(problems(article("source: Autre\n"))[0]).toMatchObject({ field: "frontmatter", line: 5 });
  });

  it("requires a frontmatter, closed, as a mapping, and a body", () => {
    expect(problems("Pas de frontmatter")[0]).toMatchObject({ line: 1, field: "frontmatter" });
    expect(problems("---\ntitle: x\n")[0]?.message).toMatch(/never closed/);
    expect(problems("---\n- a\n- b\n---\ntexte\n")[0]?.message).toMatch(/mapping/);
    expect(problems(VALID.replace("Le texte.\n", ""))[0]).toMatchObject({ field: "body", line: 6 });
  });

  it("requires a slug-shaped file name", () => {
    expect(problems(VALID, "Mon Article.md")[0]).toMatchObject({ field: "slug", line: 1 });
    expect(problems(VALID, "numergy--bis.md")[0]).toMatchObject({ field: "slug" });
  });

  it("reports every problem of a file at once", () => {
    const raw = article("colour: red\n").replace(/^title:.*$/m, 'title: ""').replace("2014-09-25", "2014-02-30");
    expect(problems(raw).map((p) => p.field)).toEqual(["title", "published", "colour"]);
  });
});

describe("entity and event frontmatter", () => {
  it("validates an entity", () => {
    const ok = parseContentFile("entity", "caisse-des-depots.md", "---\nname: Caisse des Dépôts\nkind: institution\naliases: [CDC]\nwikidata: Q1024727\n---\nDescription.\n");
    expect(ok.ok).toBe(true);
    const bad = parseContentFile("entity", "x.md", "---\nname: X\nkind: firm\nwikidata: 42\n---\n");
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(["kind", "wikidata"]);
  });

  it("rejects an alias that is the name once case and accents are ignored, and reads exact aliases", () => {
    const bad = parseContentFile("entity", "thales.md", "---\nname: Thales\naliases: [Thales Group, THALÈS]\n---\n");
    expect(bad.ok ? [] : bad.problems).toEqual([{ line: 3, field: "aliases.1", message: '"THALÈS" is the name itself once case and accents are ignored' }]);
    const ok = parseContentFile("entity", "etat.md", "---\nname: État français\nexactAliases: [\"l'État\"]\n---\n");
    expect(ok.ok && ok.value.data).toMatchObject({ exactAliases: ["l'État"] });
  });

  it("requires an event date", () => {
    const bad = parseContentFile("event", "lancement.md", "---\ntitle: Lancement\n---\nTexte.\n");
    expect(bad.ok ? [] : bad.problems).toEqual([{ line: 1, field: "date", message: "is required" }]);
  });
});

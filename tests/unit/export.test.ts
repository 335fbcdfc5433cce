import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { citationsFor, frenchDateOrder } from "@/lib/export/cite";
import { CSV_COLUMNS, csvField, exportStream, formatter, type ExportFormat } from "@/lib/export/formats";
import type { ExportArticle } from "@/lib/search/types";

const SITE = "https://andromede.example";

const PROVENANCE = {
  fulltext: true,
  genre: null,
  revisedAt: "2026-11-20T10:00:00.000Z",
  captured: null,
  archive: null,
  rights: "Droits réservés",
  titleSupplied: false,
  note: null,
};

const ARTICLES: ExportArticle[] = [
  {
    ...PROVENANCE,
    slug: "cloud-souverain-deux-ans-apres",
    title: "Cloud souverain : deux ans après, on fait le point",
    source: "Next INpact",
    url: "https://www.nextinpact.com/news/89877.htm",
    published: "2014-09-25",
    datePrecision: "day",
    approximate: false,
    authors: ["Guénaël Pépin"],
    language: "fr",
    summary: "Point d’étape, « deux ans après ».",
    entities: [
      { slug: "cloudwatt", name: "Cloudwatt", kind: "company", explicit: true, mentions: 1 },
      { slug: "caisse-des-depots", name: "Caisse des Dépôts", kind: "institution", explicit: true, mentions: 1 },
    ],
  },
  {
    ...PROVENANCE,
    slug: "numergy-c-est-fini",
    title: 'Numergy, "c’est fini"\nou presque',
    source: "SécuritéCloud",
    url: null,
    published: "2016",
    datePrecision: "year",
    approximate: true,
    authors: [],
    language: "fr",
    summary: null,
    entities: [],
  },
  {
    ...PROVENANCE,
    slug: "formule",
    title: "=HYPERLINK(\"http://evil\")",
    source: "Test, avec virgule",
    url: null,
    published: "2015-10",
    datePrecision: "month",
    approximate: true,
    authors: ["A", "B"],
    language: "en",
    summary: null,
    entities: [],
  },
];

async function* batches(size: number) {
  for (let i = 0; i < ARTICLES.length; i += size) yield ARTICLES.slice(i, i + size);
}

async function exportText(format: ExportFormat, batchSize = 2): Promise<string> {
  return new Response(exportStream(batches(batchSize), formatter(format, SITE))).text();
}

describe("CSV export", () => {
  it("has a BOM, a header and one RFC 4180 row per article, which parse back exactly", async () => {
    const bytes = new Uint8Array(await new Response(exportStream(batches(2), formatter("csv", SITE))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFslug,title,source,url,published,precision,approximate,authors,language,entities,permalink,fulltext,genre,captured,archive,rights,titleSupplied,note\r\n")).toBe(true);
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      slug: "cloud-souverain-deux-ans-apres",
      title: "Cloud souverain : deux ans après, on fait le point",
      published: "2014-09-25",
      precision: "day",
      approximate: "false",
      authors: "Guénaël Pépin",
      entities: "Cloudwatt; Caisse des Dépôts",
      permalink: `${SITE}/articles/cloud-souverain-deux-ans-apres`,
    });
    expect(rows[1]!.title).toBe('Numergy, "c’est fini"\nou presque');
    expect(rows[2]!.source).toBe("Test, avec virgule");
  });

  it.each([
    ["=", "=1+1", "'=1+1"],
    ["+", "+33 1 23", "'+33 1 23"],
    ["-", "-2+3", "'-2+3"],
    ["@", "@SUM(A1)", "'@SUM(A1)"],
    ["tab", "\t=1", "'\t=1"],
    ["carriage return", "\r=1", "\"'\r=1\""],
  ])("defuses a cell starting with %s (OWASP: a leading apostrophe)", (_name, cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it("leaves other cells alone, and removes control characters before checking", () => {
    expect(csvField("Cloudwatt - la fin")).toBe("Cloudwatt - la fin");
    expect(csvField("\u0000=1+1")).toBe("'=1+1");
    expect(csvField("a\u0001b\uFFFEc")).toBe("abc");
  });

  it.each(["csv", "bibtex", "ris"] as const)("%s: no character that XML forbids", async (format) => {
    const dirty: ExportArticle = { ...ARTICLES[0]!, title: "Nul\u0000 un\u0001 fffe\uFFFE seul\uD800 fin", source: "S\u0007" };
    async function* one() {
      yield [dirty];
    }
    const text = await new Response(exportStream(one(), formatter(format, SITE))).text();
    expect(text).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(text).toContain("Nul un fffe seul fin");
  });

  it("streams: a batch is fetched only when the reader wants more (memory does not grow with the export)", async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        yield ARTICLES;
      }
    }
    const reader = exportStream(endless(), formatter("csv", SITE)).getReader();
    for (let i = 0; i < 5; i++) await reader.read();
    // The head, then one batch per read, and at most one batch queued ahead.
    expect(produced).toBeLessThanOrEqual(6);
    await reader.cancel();
  });

  it("gives the same output whatever the batch size", async () => {
    expect(await exportText("csv", 1)).toBe(await exportText("csv", 10));
  });
});

describe("JSON and CSL-JSON exports", () => {
  it("JSON holds every article with its permalink", async () => {
    const parsed = JSON.parse(await exportText("json", 1));
    expect(parsed.articles.map((a: ExportArticle) => a.slug)).toEqual(ARTICLES.map((a) => a.slug));
    expect(parsed.articles[0].permalink).toBe(`${SITE}/articles/cloud-souverain-deux-ans-apres`);
  });

  it("CSL-JSON is read by citation-js with dates of the right precision", async () => {
    const items = JSON.parse(await exportText("csljson"));
    const cite = new Cite(items);
    expect(cite.data.map((i) => i.id)).toEqual(ARTICLES.map((a) => a.slug));
    expect(items[0]).toMatchObject({ type: "article-newspaper", "container-title": "Next INpact", issued: { "date-parts": [[2014, 9, 25]] } });
    expect(items[1].issued).toEqual({ "date-parts": [[2016]], circa: true });
    // url is only ever the original; the archive's page has its own fields.
    expect(items[1].URL).toBeUndefined();
    expect(items[1]).toMatchObject({ archive: "Andromède", archive_location: `${SITE}/articles/numergy-c-est-fini` });
  });
});

describe("citation exports", () => {
  it("BibTeX: valid month macros, day and biblatex date (circa as ~), url always the original", async () => {
    const text = await exportText("bibtex");
    expect(text.match(/^@article\{/gm)).toHaveLength(3);
    expect(text).toContain("  month = sep,\n  day = {25},");
    expect(text).toContain("  date = {2014-09-25},");
    expect(text).toContain("  date = {2016~},");
    expect(text).not.toMatch(/month = \{/);
    // No original address: no url at all, never the archive's page instead.
    const fini = text.slice(text.indexOf("@article{numergy-c-est-fini"), text.indexOf("@article{formule"));
    expect(fini).not.toMatch(/^\s*url =/m);
    expect(fini).toContain(`library = {Andromède, ${SITE}/articles/numergy-c-est-fini}`);
    const back = new Cite(text).data;
    expect(back.map((i) => i["citation-key"])).toEqual(ARTICLES.map((a) => a.slug));
    expect(back[0]).toMatchObject({ title: ARTICLES[0]!.title, "container-title": "Next INpact", issued: { "date-parts": [[2014, 9, 25]] } });
    expect(back[2]!.title).toBe('=HYPERLINK("http://evil")');
  });

  it("RIS: one line per tag however long, full dates, clean keywords, whole IDs", async () => {
    const text = await exportText("ris");
    expect(text.match(/^TY {2}- /gm)).toHaveLength(3);
    for (const l of text.split(/\r\n/).filter(Boolean)) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(text.match(/^DA {2}- .*$/gm)).toEqual(["DA  - 2014/09/25/", "DA  - 2016///circa", "DA  - 2015/10//circa"]);
    expect(text.match(/^PY {2}- .*$/gm)![0]).toBe("PY  - 2014/09/25/");
    expect(text.match(/^KW {2}- .*$/gm)).toEqual(["KW  - Cloudwatt", "KW  - Caisse des Dépôts"]);
    expect(text.match(/^ID {2}- .*$/gm)).toEqual(ARTICLES.map((a) => `ID  - ${a.slug}`));
    const back = new Cite(text).data;
    // RIS is line-based: the line break inside the second title becomes a space.
    expect(back.map((i) => i.title)).toEqual(ARTICLES.map((a) => a.title.replace(/\s+/g, " ")));
    expect(back[0]).toMatchObject({ "container-title": "Next INpact", URL: ARTICLES[0]!.url });
    expect(back[1]!.URL).toBeUndefined();
  });
});

describe("the « Citer cet article » reference", () => {
  it("writes dates in French order: day before month, 1er for the first day", () => {
    expect(citationsFor(ARTICLES[0]!, SITE).reference).toContain("(2014, 25 septembre)");
    expect(citationsFor({ ...ARTICLES[0]!, published: "2015-12-01" }, SITE).reference).toContain("(2015, 1er décembre)");
    expect(citationsFor({ ...ARTICLES[0]!, published: "2019-08", datePrecision: "month" }, SITE).reference).toContain("(2019, août)");
    expect(frenchDateOrder("T. (2014, septembre 25). Next INpact.")).toBe("T. (2014, 25 septembre). Next INpact.");
    // Only a date in parentheses is reordered, never the title.
    expect(frenchDateOrder("Le 25 septembre (2014). Mai 3 (x).")).toBe("Le 25 septembre (2014). Mai 3 (x).");
  });
});

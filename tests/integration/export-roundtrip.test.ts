import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { parse as parseCsv } from "csv-parse/sync";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZArticlesQuery } from "@/lib/api/query";
import { createPrismaClient, type Db } from "@/lib/db";
import { toCsl, type CslItem } from "@/lib/export/csl";
import { exportStream, formatter, type ExportFormat } from "@/lib/export/formats";
import { runIngestCli } from "@/lib/ingest/cli";
import { sqliteSearch } from "@/lib/search/sqlite";
import type { ExportArticle } from "@/lib/search/types";
import { tempDir } from "../support/temp";

// Every article of the real archive, exported in every format and read back (citation-js for the
// citation formats), compared field by field with what the archive holds.

const SITE = "https://andromede.example";
const tmp = tempDir();
const dbUrl = `file:${path.join(tmp.dir, "export.db")}`;
let db: Db;
let articles: ExportArticle[];
let expected: Map<string, CslItem>;

async function exportText(format: ExportFormat): Promise<string> {
  async function* batches() {
    for (let i = 0; i < articles.length; i += 7) yield articles.slice(i, i + 7);
  }
  return new Response(exportStream(batches(), formatter(format, SITE))).text();
}

type Parsed = Record<string, unknown> & { id: string; issued?: { "date-parts"?: number[][]; raw?: string } };
const read = (text: string) => new Cite(text).data as Parsed[];

/** citation-js keeps RIS dates with a month or a day as `raw` (YYYY/MM/DD/other): read them. */
function parts(issued: Parsed["issued"]): number[] {
  if (issued?.["date-parts"]) return issued["date-parts"][0]!;
  const [y, m, d] = (issued?.raw ?? "").split("/");
  return [y, m, d].filter((p) => p).map(Number);
}
/** Author names as strings, however citation-js reads them (RIS news items: one `reporter` string). */
function names(list: unknown): (string | undefined)[] {
  if (typeof list === "string") return list.split(/\s*;\s*/);
  return ((list as { literal?: string; family?: string }[] | undefined) ?? []).map((n) => n.literal ?? n.family);
}
const keywords = (value: unknown) => (typeof value === "string" ? value.split(/,\s*/) : []);

beforeAll(async () => {
  const code = await runIngestCli(["--dir", "content"], { out: () => {}, err: (l) => console.error(l) }, dbUrl);
  expect(code).toBe(0);
  db = createPrismaClient(dbUrl);
  articles = [];
  for await (const batch of sqliteSearch(db, dbUrl).exportMatches(ZArticlesQuery.parse({ sort: "oldest" }))) articles.push(...batch);
  expected = new Map(articles.map((a) => [a.slug, toCsl(a, SITE)]));
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe("every export of every article reads back field by field", () => {
  it("covers the whole archive, records included", () => {
    expect(articles.length).toBeGreaterThanOrEqual(45);
    expect(articles.some((a) => !a.fulltext)).toBe(true);
  });

  it("CSL-JSON", async () => {
    const back = read(await exportText("csljson"));
    expect(back.map((i) => i.id)).toEqual(articles.map((a) => a.slug));
    for (const item of back) {
      const csl = expected.get(item.id)!;
      for (const field of ["title", "container-title", "URL", "abstract", "keyword", "genre", "note", "archive", "archive_location", "language"] as const) {
        expect([item.id, field, item[field]]).toEqual([item.id, field, csl[field]]);
      }
      expect(parts(item.issued)).toEqual(csl.issued["date-parts"][0]);
      expect(Boolean((item.issued as { circa?: unknown }).circa)).toBe(Boolean(csl.issued.circa));
      expect(names(item.author)).toEqual(names(csl.author));
    }
  });

  it("BibTeX", async () => {
    const text = await exportText("bibtex");
    const back = read(text);
    expect(back.map((i) => i["citation-key"])).toEqual(articles.map((a) => a.slug));
    for (const item of back) {
      const csl = expected.get(item.id)!;
      expect([item.id, item.title, item["container-title"], item.URL]).toEqual([csl.id, csl.title, csl["container-title"], csl.URL]);
      expect([item.id, item.abstract, item.note, item.genre, item.language]).toEqual([csl.id, csl.abstract, csl.note, csl.genre, csl.language]);
      expect([item.id, keywords(item.keyword)]).toEqual([csl.id, keywords(csl.keyword)]);
      expect([item.id, parts(item.issued)]).toEqual([csl.id, csl.issued["date-parts"][0]]);
      expect(names(item.author)).toEqual(names(csl.author));
      expect(item["call-number"]).toBe(`Andromède, ${csl.archive_location}`);
    }
    // Approximate dates say so, in biblatex's own notation.
    for (const a of articles.filter((x) => x.approximate)) expect(text).toMatch(new RegExp(`@article\\{${a.slug},[^@]*date = \\{[0-9-]+~\\}`));
  });

  it("RIS", async () => {
    const text = await exportText("ris");
    expect(text.split("\r\n").every((l) => l === "" || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    const back = read(text);
    expect(back.map((i) => i.id)).toEqual(articles.map((a) => a.slug));
    expect(new Set(back.map((i) => i.id)).size).toBe(back.length);
    for (const item of back) {
      const csl = expected.get(item.id)!;
      expect([item.id, item.title, item["container-title"], item.URL]).toEqual([csl.id, csl.title, csl["container-title"], csl.URL]);
      expect([item.id, item.abstract, item.note, item.genre, item.language]).toEqual([csl.id, csl.abstract, csl.note, csl.genre, csl.language]);
      expect([item.id, keywords(item.keyword)]).toEqual([csl.id, keywords(csl.keyword)]);
      expect([item.id, parts(item.issued)]).toEqual([csl.id, csl.issued["date-parts"][0]]);
      expect(names(item.author ?? item.reporter)).toEqual(names(csl.author));
      expect(item.archive_location).toBe(`Andromède, ${csl.archive_location}`);
    }
  });

  it("JSON, JSON Lines and CSV", async () => {
    const json = JSON.parse(await exportText("json")) as { articles: (ExportArticle & { permalink: string })[] };
    expect(json.articles.map(({ permalink, ...a }) => [a, permalink])).toEqual(articles.map((a) => [a, `${SITE}/articles/${a.slug}`]));
    const lines = (await exportText("jsonl")).trimEnd().split("\n").map((l) => JSON.parse(l) as ExportArticle);
    expect(lines.map((l) => l.slug)).toEqual(articles.map((a) => a.slug));
    const rows = parseCsv(await exportText("csv"), { bom: true, columns: true }) as Record<string, string>[];
    for (const [i, row] of rows.entries()) {
      const a = articles[i]!;
      expect(row).toMatchObject({
        slug: a.slug,
        title: a.title,
        source: a.source,
        url: a.url ?? "",
        published: a.published,
        approximate: String(a.approximate),
        authors: a.authors.join("; "),
        fulltext: String(a.fulltext),
        genre: a.genre ?? "",
        rights: a.rights,
        note: a.note ?? "",
      });
    }
  });
});

import { EXPORT_FORMAT_NAMES } from "../api/query";
import type { ExportArticle } from "../search/types";
import { stripXmlInvalid } from "../xml";
import { bibtexEntry } from "./bibtex";
import { permalink, toCsl } from "./csl";
import { risRecord } from "./ris";

// The take-away formats. Each one is written a batch of articles at a time (head, batches, tail),
// so an export of every match streams with bounded memory. BibTeX and RIS are written from the
// CSL mapping by bibtex.ts and ris.ts; tests read every format back with citation-js.

export const EXPORT_FORMATS = EXPORT_FORMAT_NAMES;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Formatter {
  contentType: string;
  extension: string;
  head: string;
  /** `first` is true for the first batch (separators in JSON arrays). */
  batch(articles: ExportArticle[], first: boolean): string;
  tail: string;
}

export const CSV_COLUMNS = [
  "slug",
  "title",
  "source",
  "url",
  "published",
  "precision",
  "approximate",
  "authors",
  "language",
  "entities",
  "permalink",
  "fulltext",
  "genre",
  "captured",
  "archive",
  "rights",
  "titleSupplied",
  "note",
] as const;

/** RFC 4180: quote a field holding a quote, comma or line break, doubling inner quotes. */
export function csvField(value: string): string {
  // Characters XML forbids are dropped first, so that "\0=cmd" cannot slip past the next check.
  const clean = stripXmlInvalid(value);
  // Spreadsheet formula injection: a cell starting with = + - @, a tab or a carriage return is
  // prefixed with an apostrophe, as OWASP recommends. A title such as "-5 % pour Numergy" gets
  // the apostrophe too: spreadsheets would read "-5" as the start of a formula.
  const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvRow = (fields: string[]) => fields.map(csvField).join(",") + "\r\n";

export function formatter(format: ExportFormat, siteUrl: string): Formatter {
  switch (format) {
    case "csv":
      return {
        contentType: "text/csv; charset=utf-8; header=present",
        extension: "csv",
        // The BOM makes spreadsheet software read the file as UTF-8 (accents intact).
        head: "\uFEFF" + csvRow([...CSV_COLUMNS]),
        batch: (articles) =>
          articles
            .map((a) =>
              csvRow([
                a.slug,
                a.title,
                a.source,
                a.url ?? "",
                a.published,
                a.datePrecision,
                String(a.approximate),
                a.authors.join("; "),
                a.language,
                a.entities.map((e) => e.name).join("; "),
                permalink(siteUrl, a.slug),
                String(a.fulltext),
                a.genre ?? "",
                a.captured ?? "",
                a.archive ?? "",
                a.rights,
                String(a.titleSupplied),
                a.note ?? "",
              ]),
            )
            .join(""),
        tail: "",
      };
    case "json":
      return {
        contentType: "application/json; charset=utf-8",
        extension: "json",
        head: '{"articles":[',
        batch: (articles, first) =>
          (first ? "" : ",") + articles.map((a) => JSON.stringify({ ...a, permalink: permalink(siteUrl, a.slug) })).join(","),
        tail: "]}\n",
      };
    case "jsonl":
      // One article per line, with its archived text (`bodyMarkdown`) when there is one: the
      // format for corpus work. Records without full text have no text to give.
      return {
        contentType: "application/jsonl; charset=utf-8",
        extension: "jsonl",
        head: "",
        batch: (articles) => articles.map((a) => JSON.stringify({ ...a, permalink: permalink(siteUrl, a.slug) }) + "\n").join(""),
        tail: "",
      };
    case "csljson":
      return {
        contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
        extension: "csl.json",
        head: "[",
        batch: (articles, first) => (first ? "" : ",") + articles.map((a) => JSON.stringify(toCsl(a, siteUrl))).join(","),
        tail: "]\n",
      };
    case "bibtex":
      return {
        contentType: "application/x-bibtex; charset=utf-8",
        extension: "bib",
        head: "",
        // Control characters and the like have no place in a text file that reference managers read.
        batch: (articles) => stripXmlInvalid(articles.map((a) => bibtexEntry(toCsl(a, siteUrl)) + "\n").join("")),
        tail: "",
      };
    case "ris":
      return {
        contentType: "application/x-research-info-systems; charset=utf-8",
        extension: "ris",
        head: "",
        batch: (articles) => stripXmlInvalid(articles.map((a) => risRecord(toCsl(a, siteUrl)) + "\r\n\r\n").join("")),
        tail: "",
      };
  }
}

/** Streams head, every batch, then tail, as UTF-8 bytes. */
export function exportStream(batches: AsyncIterable<ExportArticle[]>, f: Formatter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (f.head) controller.enqueue(encoder.encode(f.head));
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) {
        if (f.tail) controller.enqueue(encoder.encode(f.tail));
        controller.close();
        return;
      }
      if (value.length > 0) controller.enqueue(encoder.encode(f.batch(value, first)));
      first = false;
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

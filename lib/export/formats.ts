import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import type { ExportArticle } from "../search/types";
import { stripXmlInvalid } from "../xml";
import { permalink, toCsl, type CslItem } from "./csl";

// The take-away formats. Each one is written a batch of articles at a time (head, batches, tail),
// so an export of every match streams with bounded memory. Citation formats go through
// citation-js rather than string concatenation.

// BibTeX keys are the article slugs (stable citations). citation-js only accepts keys without
// hyphens unless its label check is off; slugs are [a-z0-9-], which BibTeX and Biber accept.
(plugins.config.get("@bibtex") as { format: { checkLabel: boolean } }).format.checkLabel = false;

/** citation-js output per batch, ending with a blank line so that batches concatenate. */
const bibtex = (items: CslItem[]) => new Cite(items).format("bibtex", { format: "text" }).trimEnd() + "\n\n";

/**
 * citation-js writes only the year of a newspaper article to RIS (PY); the full date of the
 * record goes in DA (YYYY/MM/DD/, parts left empty when unknown), which Zotero and EndNote read.
 */
const ris = (items: CslItem[]) =>
  items
    .map((item) => {
      const [y, m, d] = item.issued["date-parts"][0] ?? [];
      const da = `DA  - ${y ?? ""}/${m ? String(m).padStart(2, "0") : ""}/${d ? String(d).padStart(2, "0") : ""}/`;
      return new Cite([item]).format("ris", { format: "text" }).trimEnd().replace(/^(TY {2}- .*)$/m, `$1\n${da}`);
    })
    .join("\n\n") + "\n\n";

export const EXPORT_FORMATS = ["csv", "json", "bibtex", "ris", "csljson"] as const;
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
        batch: (articles) => stripXmlInvalid(bibtex(articles.map((a) => toCsl(a, siteUrl)))),
        tail: "",
      };
    case "ris":
      return {
        contentType: "application/x-research-info-systems; charset=utf-8",
        extension: "ris",
        head: "",
        batch: (articles) => stripXmlInvalid(ris(articles.map((a) => toCsl(a, siteUrl)))),
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

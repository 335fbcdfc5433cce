import { isPartialDate, parsePartialDate } from "../dates";
import { GENRE_LABELS } from "../labels";
import type { ExportArticle } from "../search/types";

// CSL-JSON, the interchange format of Zotero, citeproc and citation-js: the "Cite this" block
// starts from this mapping of an article; BibTeX and RIS are written from the same fields
// (bibtex.ts, ris.ts). `URL` is always the original address (absent when unknown); the archive's
// own page is `archive` + `archive_location`; the capture day is `accessed`.

export const ARCHIVE_NAME = "Andromède";

export interface CslItem {
  id: string;
  "citation-key": string;
  type: "article-newspaper";
  title: string;
  "container-title": string;
  publisher: string;
  issued: { "date-parts": number[][]; circa?: boolean };
  URL?: string;
  language: string;
  author?: { literal: string }[];
  abstract?: string;
  keyword?: string;
  genre?: string;
  accessed?: { "date-parts": number[][] };
  note?: string;
  archive: string;
  archive_location: string;
  source: string;
}

export function permalink(siteUrl: string, slug: string): string {
  return `${siteUrl}/articles/${slug}`;
}

/** Citations are single-line records (RIS is line-based): collapse any line break. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export function dateParts(value: string): number[] {
  const parsed = parsePartialDate(value);
  return isPartialDate(parsed) ? parsed.value.split("-").map(Number) : [];
}

/** Entity names as keywords: commas would split a name on import, so none are kept. */
export function keywordsOf(article: ExportArticle): string[] {
  return article.entities.map((e) => oneLine(e.name.replace(/,/g, " ")));
}

/** What the archive knows about the record that no citation field holds, as one line. */
export function provenanceNote(article: ExportArticle): string | undefined {
  const parts = [
    article.approximate ? "Date approximative, déduite du texte" : "",
    article.fulltext ? "" : "Texte non archivé (notice et résumé de l’archive)",
    article.titleSupplied ? "Titre attribué par l’archive" : "",
    article.archive ? `Copie archivée : ${article.archive}` : "",
    article.note ? `Note de l’archive : ${article.note}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? oneLine(parts.join(". ")) : undefined;
}

export function toCsl(article: ExportArticle, siteUrl: string): CslItem {
  const note = provenanceNote(article);
  const keywords = keywordsOf(article);
  return {
    id: article.slug,
    "citation-key": article.slug,
    type: "article-newspaper",
    title: oneLine(article.title),
    "container-title": article.source,
    publisher: article.source,
    issued: { "date-parts": [dateParts(article.published)], ...(article.approximate ? { circa: true } : {}) },
    ...(article.url ? { URL: article.url } : {}),
    language: article.language,
    ...(article.authors.length > 0 ? { author: article.authors.map((literal) => ({ literal })) } : {}),
    ...(article.summary ? { abstract: oneLine(article.summary) } : {}),
    ...(keywords.length > 0 ? { keyword: keywords.join(", ") } : {}),
    ...(article.genre ? { genre: GENRE_LABELS[article.genre] ?? article.genre } : {}),
    ...(article.captured ? { accessed: { "date-parts": [dateParts(article.captured)] } } : {}),
    ...(note ? { note } : {}),
    archive: ARCHIVE_NAME,
    archive_location: permalink(siteUrl, article.slug),
    source: ARCHIVE_NAME,
  };
}

import { isPartialDate, parsePartialDate } from "../dates";
import type { ExportArticle } from "../search/types";

// CSL-JSON, the interchange format of Zotero, citeproc and citation-js: every citation export
// (CSL-JSON itself, BibTeX, RIS) starts from this one mapping of an article.

export interface CslItem {
  id: string;
  "citation-key": string;
  type: "article-newspaper";
  title: string;
  "container-title": string;
  publisher: string;
  issued: { "date-parts": number[][]; circa?: boolean };
  URL: string;
  language: string;
  author?: { literal: string }[];
  abstract?: string;
  keyword?: string;
  source: string;
}

export function permalink(siteUrl: string, slug: string): string {
  return `${siteUrl}/articles/${slug}`;
}

export function toCsl(article: ExportArticle, siteUrl: string): CslItem {
  const parsed = parsePartialDate(article.published);
  const parts = isPartialDate(parsed) ? parsed.value.split("-").map(Number) : [];
  return {
    id: article.slug,
    "citation-key": article.slug,
    type: "article-newspaper",
    // Citations are single-line records (RIS is line-based): collapse any line break in a title.
    title: article.title.replace(/\s+/g, " "),
    "container-title": article.source,
    publisher: article.source,
    issued: { "date-parts": [parts], ...(article.approximate ? { circa: true } : {}) },
    URL: article.url ?? permalink(siteUrl, article.slug),
    language: article.language,
    ...(article.authors.length > 0 ? { author: article.authors.map((literal) => ({ literal })) } : {}),
    ...(article.summary ? { abstract: article.summary } : {}),
    ...(article.entities.length > 0 ? { keyword: article.entities.map((e) => e.name).join(", ") } : {}),
    source: `Andromède, ${permalink(siteUrl, article.slug)}`,
  };
}

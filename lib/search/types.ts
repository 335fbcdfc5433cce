import type { TArticlesQuery } from "../api/query";

// What every search backend answers (SQLite FTS5 today; PostgreSQL later): the shapes of
// GET /api/articles and of the exports, independent of the database.

export interface EntityRef {
  slug: string;
  name: string;
  kind: string;
}

/** What every view of an article shares: list items, exports, the article itself. */
export interface ArticleMeta {
  slug: string;
  title: string;
  source: string;
  url: string | null;
  /** As written: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string;
  datePrecision: string;
  approximate: boolean;
  summary: string | null;
  entities: EntityRef[];
}

export interface ArticleListItem extends ArticleMeta {
  /** HTML: escaped text, matched terms in <mark>. */
  snippet: string;
}

export interface Facets {
  entities: (EntityRef & { count: number })[];
  sources: { name: string; count: number }[];
  years: { year: number; count: number }[];
}

export interface ArticleList {
  total: number;
  page: number;
  pageSize: number;
  items: ArticleListItem[];
  facets: Facets;
}

/** One article as exported (CSV, JSON, BibTeX, RIS, CSL-JSON). */
export interface ExportArticle extends ArticleMeta {
  authors: string[];
  language: string;
}

export interface SearchBackend {
  search(query: TArticlesQuery): Promise<ArticleList>;
  /** Every match of the filters, in the query's order, a batch at a time (no page cap). */
  exportMatches(query: TArticlesQuery, batchSize?: number): AsyncGenerator<ExportArticle[]>;
}

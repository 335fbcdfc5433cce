import type { TArticlesQuery } from "../api/query";

// What every search backend answers (SQLite FTS5 today; PostgreSQL later): the shapes of
// GET /api/articles and of the exports, independent of the database.

export interface EntityRef {
  slug: string;
  name: string;
  kind: string;
}

/** An entity of an article: named in its frontmatter (`explicit`) and/or found `mentions` times in its text. */
export interface ArticleEntityRef extends EntityRef {
  explicit: boolean;
  mentions: number;
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
  authors: string[];
  /** false: a record without full text (the body is an editor's summary). */
  fulltext: boolean;
  genre: string | null;
  entities: ArticleEntityRef[];
  /** ISO time of the last revision of the record's text or frontmatter. */
  revisedAt: string;
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
export interface ExportArticle extends ArticleMeta, Provenance {
  language: string;
  /** The archived text (Markdown) when asked for and archived (`format=jsonl`); otherwise absent. */
  bodyMarkdown?: string;
}

/** Where a record comes from (docs/content.md, "Provenance"). */
export interface Provenance {
  /** Day of the capture, YYYY-MM-DD. */
  captured: string | null;
  /** Address of an archived copy (e.g. the Wayback Machine). */
  archive: string | null;
  /** The rights statement: the article's own, or the site's default. */
  rights: string;
  titleSupplied: boolean;
  note: string | null;
}

/** The values the `entity` and `source` filters may take. */
export interface FilterValues {
  entities: string[];
  /** Public sources with their number of public articles. */
  sources: { name: string; articleCount: number }[];
}

export interface SearchBackend {
  filterValues(): Promise<FilterValues>;
  search(query: TArticlesQuery): Promise<ArticleList>;
  /** Every match of the filters, in the query's order, a batch at a time (no page cap). */
  exportMatches(query: TArticlesQuery, options?: { batchSize?: number; withText?: boolean }): AsyncGenerator<ExportArticle[]>;
}

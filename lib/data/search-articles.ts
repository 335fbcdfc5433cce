import "server-only";
import type { TArticlesQuery } from "../api/query";
import { db } from "../db";
import { env } from "../env";
import { sqliteSearch } from "../search/sqlite";
import type { ArticleList, ExportArticle, SearchBackend } from "../search/types";

// The one entry to search for pages and routes. The backend follows the database: SQLite FTS5 for
// the embedded set-up; a PostgreSQL backend will implement the same SearchBackend interface.

let backend: SearchBackend | undefined;
function searchBackend(): SearchBackend {
  backend ??= sqliteSearch(db, env.DATABASE_URL);
  return backend;
}

export function searchArticles(query: TArticlesQuery): Promise<ArticleList> {
  return searchBackend().search(query);
}

export function exportArticles(query: TArticlesQuery, options?: { withText?: boolean }): AsyncGenerator<ExportArticle[]> {
  return searchBackend().exportMatches(query, options);
}

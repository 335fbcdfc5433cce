import "server-only";
import type { TArticlesQuery } from "../api/query";
import { db } from "../db";
import { env } from "../env";
import { suggest } from "../api/suggest";
import { searchBackendFor } from "../search/backend";
import { sourceKey } from "../search/memory-index";
import type { ArticleList, ExportArticle, FilterValues, SearchBackend } from "../search/types";

// The one entry to search for pages and routes. The backend follows the database: SQLite FTS5 for
// the embedded set-up, PostgreSQL full-text search for `postgresql://` (lib/search/backend.ts).

let backend: SearchBackend | undefined;
function searchBackend(): SearchBackend {
  backend ??= searchBackendFor(db, env.DATABASE_URL);
  return backend;
}

export function searchArticles(query: TArticlesQuery): Promise<ArticleList> {
  return searchBackend().search(query);
}

export function exportArticles(query: TArticlesQuery, options?: { withText?: boolean }): AsyncGenerator<ExportArticle[]> {
  return searchBackend().exportMatches(query, options);
}

export function listSources(): Promise<FilterValues["sources"]> {
  return searchBackend()
    .filterValues()
    .then((values) => values.sources);
}

export interface UnknownFilter {
  path: "entity" | "source";
  message: string;
}

/**
 * The `entity` slugs and `source` of a query that match nothing in the archive, each with the
 * closest known values: an unknown filter is a mistake to report, not "no coverage".
 */
export async function unknownFilters(query: Pick<TArticlesQuery, "entity" | "source">): Promise<UnknownFilter[]> {
  if (query.entity.length === 0 && query.source === undefined) return [];
  const { entities, sources } = await searchBackend().filterValues();
  const known = new Set(entities);
  const problems: UnknownFilter[] = query.entity
    .filter((slug) => !known.has(slug))
    .map((slug) => ({ path: "entity", message: unknownMessage("entity", slug, suggest(slug, entities)) }));
  const names = sources.map((s) => s.name);
  if (query.source !== undefined && !names.some((name) => sourceKey(name) === sourceKey(query.source!))) {
    problems.push({ path: "source", message: unknownMessage("source", query.source, suggest(query.source, names)) });
  }
  return problems;
}

function unknownMessage(kind: string, value: string, suggestions: string[]): string {
  const shown = JSON.stringify(value.slice(0, 200));
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => JSON.stringify(s)).join(" or ")}?)` : "";
  return `unknown ${kind} ${shown}${hint}`;
}

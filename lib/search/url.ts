import type { TArticlesQuery } from "../api/query";

// URLs of a search: the state of /search lives entirely in its query string (shareable, back
// button, no JavaScript needed), so every link is built from the current query with one change.

export type SearchState = Pick<TArticlesQuery, "q" | "entity" | "source"> & { sort?: TArticlesQuery["sort"]; from?: string; to?: string };

export function stateOf(query: TArticlesQuery): SearchState {
  return { q: query.q, entity: query.entity, source: query.source, sort: query.sort, from: query.from?.value, to: query.to?.value };
}

export function searchParamsOf(state: SearchState, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const slug of state.entity) params.append("entity", slug);
  if (state.source) params.set("source", state.source);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  const defaultSort = state.q ? "relevance" : "newest";
  if (state.sort && state.sort !== defaultSort) params.set("sort", state.sort);
  if (page > 1) params.set("page", String(page));
  return params;
}

export function searchHref(state: SearchState, path = "/search"): string {
  const query = searchParamsOf(state).toString();
  return query ? `${path}?${query}` : path;
}

export function toggleEntity(state: SearchState, slug: string): SearchState {
  const entity = state.entity.includes(slug) ? state.entity.filter((s) => s !== slug) : [...state.entity, slug];
  return { ...state, entity };
}

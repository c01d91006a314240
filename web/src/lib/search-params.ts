import { useMemo } from 'react';
import { useSearchParams, type URLSearchParamsInit } from 'react-router';

/** The facets the portal filters by, in the order the panel shows them. */
export const FACET_KEYS = ['field', 'trl', 'region', 'mode', 'price', 'ip', 'funding'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof SORTS)[number];

/** What the result page shows, as kept in the URL: `?q=…&field=a,b&sort=newest`. */
export interface SearchState {
  q: string;
  filters: Record<FacetKey, string[]>;
  sort: Sort;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters = {} as Record<FacetKey, string[]>;
  for (const key of FACET_KEYS) {
    filters[key] = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .filter((v) => v !== '');
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance' };
}

export function writeSearchState(state: SearchState): URLSearchParamsInit {
  const out: Record<string, string> = {};
  if (state.q.trim()) out.q = state.q.trim();
  for (const key of FACET_KEYS) if (state.filters[key].length) out[key] = state.filters[key].join(',');
  if (state.sort !== 'relevance') out.sort = state.sort;
  return out;
}

/** The API query for one page of results. */
export function searchApiQuery(state: SearchState, cursor?: string | null, limit = 20): Record<string, string | number> {
  const query: Record<string, string | number> = { sort: state.sort, limit, facets: cursor ? 'false' : 'true' };
  if (state.q.trim()) query.q = state.q.trim();
  for (const key of FACET_KEYS) if (state.filters[key].length) query[key] = state.filters[key].join(',');
  if (cursor) query.cursor = cursor;
  return query;
}

/** The saved-search form of a state (what POST /api/me/saved-searches keeps as `query`). */
export function savedQuery(state: SearchState): Record<string, unknown> {
  const query: Record<string, unknown> = { sort: state.sort };
  if (state.q.trim()) query.q = state.q.trim();
  for (const key of FACET_KEYS) if (state.filters[key].length) query[key] = state.filters[key];
  return query;
}

/** A saved `query` back to a URL query string for the result page. */
export function savedQueryToSearch(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value == null || value === '' || (key === 'sort' && value === 'relevance')) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The search kept in the URL, and how to change it. */
export function useUrlSearchState(): [SearchState, (next: SearchState) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);
  return [state, (next) => setParams(writeSearchState(next))];
}

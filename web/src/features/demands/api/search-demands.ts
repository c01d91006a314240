import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DemandSearchResult } from '../../../../../common/api/search';
import { api } from '../../../lib/api';
import { searchApiQuery, type SearchState } from '../../../lib/search-params';

export type DemandSearchPage = z.infer<typeof DemandSearchResult>;

export function searchDemands(state: SearchState, cursor: string | null, signal?: AbortSignal): Promise<DemandSearchPage> {
  return api.get('/api/demands', searchApiQuery(state, cursor), signal);
}

/** Published demands matching the search, page after page by cursor; facets come with the first page. */
export function useDemandSearch(state: SearchState) {
  return useInfiniteQuery({
    queryKey: ['demands', 'search', state],
    queryFn: ({ pageParam, signal }) => searchDemands(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

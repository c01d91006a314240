import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AchievementSearchResult } from '../../../../../common/api/search';
import { api } from '../../../lib/api';
import { searchApiQuery, type SearchState } from '../../../lib/search-params';

export type AchievementSearchPage = z.infer<typeof AchievementSearchResult>;

export function searchAchievements(state: SearchState, cursor: string | null, signal?: AbortSignal): Promise<AchievementSearchPage> {
  return api.get('/api/achievements', searchApiQuery(state, cursor), signal);
}

/** Published achievements matching the search, page after page by cursor; facets come with the first page. */
export function useAchievementSearch(state: SearchState) {
  return useInfiniteQuery({
    queryKey: ['achievements', 'search', state],
    queryFn: ({ pageParam, signal }) => searchAchievements(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

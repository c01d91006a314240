import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HotSearchesResult, RecentSearchesResult } from '../../../common/api/search';
import { api } from './api';

type Kind = 'achievement' | 'demand';

/** GET /api/search/recent: my own recent queries (signed-in users only). */
export function useRecentSearches(kind: Kind, enabled: boolean) {
  return useQuery({
    queryKey: ['search-recent', kind],
    queryFn: ({ signal }) => api.get<z.infer<typeof RecentSearchesResult>>('/api/search/recent', { kind }, signal),
    enabled,
    staleTime: 10_000,
    retry: false,
  });
}

/** GET /api/search/hot: the platform's hot queries. */
export function useHotSearches(kind: Kind) {
  return useQuery({
    queryKey: ['search-hot', kind],
    queryFn: ({ signal }) => api.get<z.infer<typeof HotSearchesResult>>('/api/search/hot', { kind }, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** DELETE /api/search/recent: clears my recent queries. */
export function useClearRecentSearches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/search/recent'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['search-recent'] }),
  });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AchievementSearchResult } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

/** The newest published achievements, for the home page. */
export function getLatestAchievements(limit: number, signal?: AbortSignal): Promise<z.infer<typeof AchievementSearchResult>> {
  return api.get('/api/achievements', { sort: 'newest', limit, facets: 'false' }, signal);
}

export function useLatestAchievements(limit = 6) {
  return useQuery({
    queryKey: ['achievements', 'latest', limit],
    queryFn: ({ signal }) => getLatestAchievements(limit, signal),
    retry: false,
  });
}

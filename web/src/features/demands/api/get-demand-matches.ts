import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AchievementMatch } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type AchievementMatchView = z.infer<typeof AchievementMatch>;

/** Published achievements that could meet this demand, best first, each with its score explained. */
export function getDemandMatches(id: string, signal?: AbortSignal): Promise<{ items: AchievementMatchView[] }> {
  return api.get(`/api/demands/${encodeURIComponent(id)}/matches`, undefined, signal);
}

export function useDemandMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['demands', 'matches', id],
    queryFn: ({ signal }) => getDemandMatches(id, signal),
    enabled,
  });
}

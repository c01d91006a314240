import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DemandMatch } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type DemandMatchView = z.infer<typeof DemandMatch>;

/** Published demands this achievement could answer, best first, each with its score explained. */
export function getAchievementMatches(id: string, signal?: AbortSignal): Promise<{ items: DemandMatchView[] }> {
  return api.get(`/api/achievements/${encodeURIComponent(id)}/matches`, undefined, signal);
}

export function useAchievementMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['achievements', 'matches', id],
    queryFn: ({ signal }) => getAchievementMatches(id, signal),
    enabled,
  });
}

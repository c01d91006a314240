import { useQuery } from '@tanstack/react-query';
import type { AchievementView } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';

export function getSimilarAchievements(id: string, signal?: AbortSignal): Promise<{ items: AchievementView[] }> {
  return api.get(`/api/achievements/${encodeURIComponent(id)}/similar`, undefined, signal);
}

export function useSimilarAchievements(id: string, enabled = true) {
  return useQuery({
    queryKey: ['achievements', 'similar', id],
    queryFn: ({ signal }) => getSimilarAchievements(id, signal),
    enabled,
  });
}

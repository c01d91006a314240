import { useQuery } from '@tanstack/react-query';
import type { AchievementView } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';

export const achievementQueryKey = (id: string) => ['achievements', 'detail', id] as const;

export function getAchievement(id: string, signal?: AbortSignal): Promise<AchievementView> {
  return api.get(`/api/achievements/${encodeURIComponent(id)}`, undefined, signal);
}

export function useAchievement(id: string | undefined) {
  return useQuery({
    queryKey: achievementQueryKey(id ?? ''),
    queryFn: ({ signal }) => getAchievement(id!, signal),
    enabled: !!id,
  });
}

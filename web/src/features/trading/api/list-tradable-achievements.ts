import { useQuery } from '@tanstack/react-query';
import type { AchievementView } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';

export function listTradableAchievements(signal?: AbortSignal): Promise<{ items: AchievementView[]; total: number }> {
  return api.get('/api/me/achievements', { status: 'published', limit: 100, offset: 0 }, signal);
}

/** My organisations' published achievements: the ones that may be put up for trading. */
export function useTradableAchievements(enabled: boolean) {
  return useQuery({
    queryKey: ['trading', 'tradable-achievements'],
    queryFn: ({ signal }) => listTradableAchievements(signal),
    enabled,
  });
}

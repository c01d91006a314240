import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AchievementView } from '../../../../../common/api/catalog';
import type { RecordStatus } from '../../../../../common/catalog';
import { api } from '../../../lib/api';

export interface ListMineParams {
  status?: RecordStatus;
  limit?: number;
  offset?: number;
}

export function listMyAchievements(params: ListMineParams, signal?: AbortSignal): Promise<{ items: AchievementView[]; total: number }> {
  return api.get('/api/me/achievements', { ...params }, signal);
}

export function useMyAchievements(params: ListMineParams) {
  return useQuery({
    queryKey: ['achievements', 'mine', params],
    queryFn: ({ signal }) => listMyAchievements(params, signal),
    placeholderData: keepPreviousData,
  });
}

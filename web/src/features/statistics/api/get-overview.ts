import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';
import type { StatsQueryParams } from './params';

export function getOverview(params: StatsQueryParams, signal?: AbortSignal): Promise<OverviewView> {
  return api.get('/api/statistics/overview', { ...params }, signal);
}

export function useOverview(params: StatsQueryParams, enabled = true) {
  return useQuery({
    queryKey: ['statistics', 'overview', params],
    queryFn: ({ signal }) => getOverview(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

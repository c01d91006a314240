import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrendView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';
import type { TrendQueryParams } from './params';

export function getTrend(params: TrendQueryParams, signal?: AbortSignal): Promise<TrendView> {
  return api.get('/api/statistics/trend', { ...params }, signal);
}

export function useTrend(params: TrendQueryParams, enabled = true) {
  return useQuery({
    queryKey: ['statistics', 'trend', params],
    queryFn: ({ signal }) => getTrend(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegionsView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';
import type { StatsQueryParams } from './params';

export function getRegions(params: StatsQueryParams, signal?: AbortSignal): Promise<RegionsView> {
  return api.get('/api/statistics/regions', { ...params }, signal);
}

export function useRegions(params: StatsQueryParams, enabled = true) {
  return useQuery({
    queryKey: ['statistics', 'regions', params],
    queryFn: ({ signal }) => getRegions(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BreakdownView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';
import type { BreakdownQueryParams } from './params';

export function getBreakdown(params: BreakdownQueryParams, signal?: AbortSignal): Promise<BreakdownView> {
  return api.get('/api/statistics/breakdown', { ...params }, signal);
}

export function useBreakdown(params: BreakdownQueryParams, enabled = true) {
  return useQuery({
    queryKey: ['statistics', 'breakdown', params],
    queryFn: ({ signal }) => getBreakdown(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

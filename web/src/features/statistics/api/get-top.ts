import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TopView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';
import type { TopQueryParams } from './params';

export function getTop(params: TopQueryParams, signal?: AbortSignal): Promise<TopView> {
  return api.get('/api/statistics/top', { ...params }, signal);
}

export function useTop(params: TopQueryParams, enabled = true) {
  return useQuery({
    queryKey: ['statistics', 'top', params],
    queryFn: ({ signal }) => getTop(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

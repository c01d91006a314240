import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlowsView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';
import type { FlowsQueryParams } from './params';

export function getFlows(params: FlowsQueryParams, signal?: AbortSignal): Promise<FlowsView> {
  return api.get('/api/statistics/flows', { ...params }, signal);
}

export function useFlows(params: FlowsQueryParams, enabled = true) {
  return useQuery({
    queryKey: ['statistics', 'flows', params],
    queryFn: ({ signal }) => getFlows(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DemandView } from '../../../../../common/api/catalog';
import type { RecordStatus } from '../../../../../common/catalog';
import { api } from '../../../lib/api';

export interface ListMineParams {
  status?: RecordStatus;
  limit?: number;
  offset?: number;
}

export function listMyDemands(params: ListMineParams, signal?: AbortSignal): Promise<{ items: DemandView[]; total: number }> {
  return api.get('/api/me/demands', { ...params }, signal);
}

export function useMyDemands(params: ListMineParams) {
  return useQuery({
    queryKey: ['demands', 'mine', params],
    queryFn: ({ signal }) => listMyDemands(params, signal),
    placeholderData: keepPreviousData,
  });
}

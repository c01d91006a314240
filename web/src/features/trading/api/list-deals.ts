import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DealPage, TradeRoute } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

export interface DealsParams {
  route?: TradeRoute;
  limit: number;
  offset: number;
}

export function listDeals(params: DealsParams, signal?: AbortSignal): Promise<z.infer<typeof DealPage>> {
  return api.get('/api/trading/deals', { ...params }, signal);
}

export function useDeals(params: DealsParams) {
  return useQuery({
    queryKey: ['trading', 'deals', params],
    queryFn: ({ signal }) => listDeals(params, signal),
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuctionPage, AuctionStatus } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export interface AuctionsParams {
  status?: AuctionStatus;
  limit: number;
  offset: number;
}

export async function listAuctions(params: AuctionsParams, signal?: AbortSignal): Promise<z.infer<typeof AuctionPage>> {
  const page = await api.get<z.infer<typeof AuctionPage>>('/api/trading/auctions', { ...params }, signal);
  noteServerTime(page.items[0]?.serverTime);
  return page;
}

export function useAuctions(params: AuctionsParams) {
  return useQuery({
    queryKey: ['trading', 'auctions', params],
    queryFn: ({ signal }) => listAuctions(params, signal),
    placeholderData: keepPreviousData,
  });
}

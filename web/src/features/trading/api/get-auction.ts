import { useQuery } from '@tanstack/react-query';
import type { AuctionView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export const auctionQueryKey = (id: string) => ['trading', 'auction', id] as const;

export async function getAuction(id: string, signal?: AbortSignal): Promise<AuctionView> {
  const view = await api.get<AuctionView>(`/api/trading/auctions/${encodeURIComponent(id)}`, undefined, signal);
  noteServerTime(view.serverTime);
  return view;
}

/** The auction with the caller's registration and actions; its live part comes from the event stream. */
export function useAuction(id: string) {
  return useQuery({ queryKey: auctionQueryKey(id), queryFn: ({ signal }) => getAuction(id, signal), enabled: !!id });
}

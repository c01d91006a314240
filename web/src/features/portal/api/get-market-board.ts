import { useQuery } from '@tanstack/react-query';
import type { HallView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

/** The trading hall's public lists: live auctions, listings, notices under way and recent deals. */
export function getMarketBoard(signal?: AbortSignal): Promise<HallView> {
  return api.get('/api/trading/hall', undefined, signal);
}

export function useMarketBoard() {
  return useQuery({ queryKey: ['portal', 'market-board'], queryFn: ({ signal }) => getMarketBoard(signal), refetchInterval: 30_000 });
}

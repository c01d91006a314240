import type { AuctionView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function cancelAuction({ id, reason }: { id: string; reason: string }): Promise<AuctionView> {
  return api.post(`/api/trading/auctions/${encodeURIComponent(id)}/cancel`, { reason });
}

export const useCancelAuction = () => useTradingMutation(cancelAuction);

import type { ListingView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function withdrawListing({ id, reason }: { id: string; reason: string }): Promise<ListingView> {
  return api.post(`/api/trading/listings/${encodeURIComponent(id)}/withdraw`, { reason });
}

export const useWithdrawListing = () => useTradingMutation(withdrawListing);

import type { ListingView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function renewListing({ id, listingDays }: { id: string; listingDays: number }): Promise<ListingView> {
  return api.post(`/api/trading/listings/${encodeURIComponent(id)}/renew`, { listingDays });
}

export const useRenewListing = () => useTradingMutation(renewListing);

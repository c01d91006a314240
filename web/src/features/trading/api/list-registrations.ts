import { useQuery } from '@tanstack/react-query';
import type { RegistrationView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

export function listRegistrations(auctionId: string, signal?: AbortSignal): Promise<{ items: RegistrationView[] }> {
  return api.get(`/api/trading/auctions/${encodeURIComponent(auctionId)}/registrations`, undefined, signal);
}

/** Every bidder of an auction, with its organisation: trading staff only. */
export function useRegistrations(auctionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['trading', 'registrations', auctionId],
    queryFn: ({ signal }) => listRegistrations(auctionId, signal),
    enabled: enabled && !!auctionId,
  });
}

import type { z } from 'zod';
import type { BidPage } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

/** Older bids than sequence number `before`, newest first: paging back past what the live snapshot holds. */
export function listBids(auctionId: string, before: number, limit = 100): Promise<z.infer<typeof BidPage>> {
  return api.get(`/api/trading/auctions/${encodeURIComponent(auctionId)}/bids`, { before, limit });
}

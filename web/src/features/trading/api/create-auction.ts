import type { z } from 'zod';
import type { AuctionCreateBody, AuctionView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function createAuction(body: z.input<typeof AuctionCreateBody>): Promise<AuctionView> {
  return api.post('/api/trading/auctions', body);
}

export const useCreateAuction = () => useTradingMutation(createAuction);

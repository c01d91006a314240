import type { z } from 'zod';
import type { ListingCreateBody, ListingView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function createListing(body: z.input<typeof ListingCreateBody>): Promise<ListingView> {
  return api.post('/api/trading/listings', body);
}

export const useCreateListing = () => useTradingMutation(createListing);

import type { z } from 'zod';
import type { IntentCreateBody, IntentView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function registerIntent({ listingId, body }: { listingId: string; body: z.input<typeof IntentCreateBody> }): Promise<IntentView> {
  return api.post(`/api/trading/listings/${encodeURIComponent(listingId)}/intents`, body);
}

/** 意向受让: a buyer's offer with its qualification statement. */
export const useRegisterIntent = () => useTradingMutation(registerIntent);

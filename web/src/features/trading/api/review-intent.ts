import type { z } from 'zod';
import type { IntentView, QualificationBody } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function reviewIntent({ id, body }: { id: string; body: z.input<typeof QualificationBody> }): Promise<IntentView> {
  return api.post(`/api/trading/intents/${encodeURIComponent(id)}/qualification`, body);
}

/** Staff qualify or reject a buyer's intent. */
export const useReviewIntent = () => useTradingMutation(reviewIntent);

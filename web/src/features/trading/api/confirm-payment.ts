import type { z } from 'zod';
import type { DealView, PaymentConfirmBody } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function confirmPayment({ id, body }: { id: string; body: z.input<typeof PaymentConfirmBody> }): Promise<DealView> {
  return api.post(`/api/trading/deals/${encodeURIComponent(id)}/payment`, body);
}

/** Staff confirm the buyer paid: the deal completes and the achievement is transferred. */
export const useConfirmPayment = () => useTradingMutation(confirmPayment);

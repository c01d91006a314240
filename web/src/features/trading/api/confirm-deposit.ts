import type { z } from 'zod';
import type { PaymentConfirmBody, RegistrationView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function confirmDeposit({ id, body }: { id: string; body: z.input<typeof PaymentConfirmBody> }): Promise<RegistrationView> {
  return api.post(`/api/trading/registrations/${encodeURIComponent(id)}/deposit`, body);
}

/** Staff record that a bidder's deposit (保证金) was received. */
export const useConfirmDeposit = () => useTradingMutation(confirmDeposit);

import type { RegistrationView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function confirmRefund({ id, reference }: { id: string; reference: string }): Promise<RegistrationView> {
  return api.post(`/api/trading/registrations/${encodeURIComponent(id)}/refund`, { reference });
}

/** Staff record that a deposit marked for refund was paid back. */
export const useConfirmRefund = () => useTradingMutation(confirmRefund);

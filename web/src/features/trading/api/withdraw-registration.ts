import type { RegistrationView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function withdrawRegistration({ id }: { id: string }): Promise<RegistrationView> {
  return api.post(`/api/trading/registrations/${encodeURIComponent(id)}/withdraw`);
}

export const useWithdrawRegistration = () => useTradingMutation(withdrawRegistration);

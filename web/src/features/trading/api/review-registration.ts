import type { z } from 'zod';
import type { QualificationBody, RegistrationView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function reviewRegistration({ id, body }: { id: string; body: z.input<typeof QualificationBody> }): Promise<RegistrationView> {
  return api.post(`/api/trading/registrations/${encodeURIComponent(id)}/qualification`, body);
}

/** Staff qualify or reject a bidder. */
export const useReviewRegistration = () => useTradingMutation(reviewRegistration);

import type { z } from 'zod';
import type { ObjectionResolutionBody, ObjectionView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function resolveObjection({ id, body }: { id: string; body: z.input<typeof ObjectionResolutionBody> }): Promise<ObjectionView> {
  return api.post(`/api/trading/objections/${encodeURIComponent(id)}/resolution`, body);
}

/** An official upholds (the notice is void) or dismisses an objection. */
export const useResolveObjection = () => useTradingMutation(resolveObjection);

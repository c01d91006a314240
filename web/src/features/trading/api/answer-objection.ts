import type { ObjectionView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function answerObjection({ id, answer }: { id: string; answer: string }): Promise<ObjectionView> {
  return api.post(`/api/trading/objections/${encodeURIComponent(id)}/answer`, { answer });
}

/** The notice's owner answers an objection. */
export const useAnswerObjection = () => useTradingMutation(answerObjection);

import type { IntentView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function withdrawIntent({ id }: { id: string }): Promise<IntentView> {
  return api.post(`/api/trading/intents/${encodeURIComponent(id)}/withdraw`);
}

export const useWithdrawIntent = () => useTradingMutation(withdrawIntent);

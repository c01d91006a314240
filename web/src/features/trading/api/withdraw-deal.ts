import type { DealView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function withdrawDeal({ id, reason }: { id: string; reason: string }): Promise<DealView> {
  return api.post(`/api/trading/deals/${encodeURIComponent(id)}/withdraw`, { reason });
}

/** The buyer backs out before paying (an auction winner forfeits the deposit). */
export const useWithdrawDeal = () => useTradingMutation(withdrawDeal);

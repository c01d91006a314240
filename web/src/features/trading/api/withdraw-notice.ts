import type { NoticeView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function withdrawNotice({ id, reason }: { id: string; reason: string }): Promise<NoticeView> {
  return api.post(`/api/trading/notices/${encodeURIComponent(id)}/withdraw`, { reason });
}

export const useWithdrawNotice = () => useTradingMutation(withdrawNotice);

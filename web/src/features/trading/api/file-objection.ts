import type { ObjectionView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function fileObjection({ noticeId, grounds }: { noticeId: string; grounds: string }): Promise<ObjectionView> {
  return api.post(`/api/trading/notices/${encodeURIComponent(noticeId)}/objections`, { grounds });
}

/** 异议: anyone logged in, with grounds. */
export const useFileObjection = () => useTradingMutation(fileObjection);

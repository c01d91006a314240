import type { z } from 'zod';
import type { NoticeCreateBody, NoticeView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function createNotice(body: z.input<typeof NoticeCreateBody>): Promise<NoticeView> {
  return api.post('/api/trading/notices', body);
}

/** 协议定价公示: post an agreed price for public notice. */
export const useCreateNotice = () => useTradingMutation(createNotice);

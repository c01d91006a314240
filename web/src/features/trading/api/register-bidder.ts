import type { z } from 'zod';
import type { RegistrationCreateBody, RegistrationView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { useTradingMutation } from './mutate';

export function registerBidder({
  auctionId,
  body,
}: {
  auctionId: string;
  body: z.input<typeof RegistrationCreateBody>;
}): Promise<RegistrationView> {
  return api.post(`/api/trading/auctions/${encodeURIComponent(auctionId)}/registrations`, body);
}

/** 竞买登记: the answer carries the 竞买人编号. */
export const useRegisterBidder = () => useTradingMutation(registerBidder);

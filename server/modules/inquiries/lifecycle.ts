import type { InquiryStatus, InquiryTransition } from '../../../common/api/inquiries.js';

export type Side = 'owner' | 'requester';

/** One table for the negotiation's life: from which states, to which, by which side. */
export const INQUIRY_TRANSITION_TABLE: Record<
  InquiryTransition,
  { from: readonly InquiryStatus[]; to: InquiryStatus; by: readonly Side[] }
> = {
  negotiate: { from: ['open'], to: 'negotiating', by: ['owner'] },
  agree: { from: ['negotiating'], to: 'agreed', by: ['owner'] },
  move_to_trading: { from: ['agreed'], to: 'moved_to_trading', by: ['owner'] },
  close: { from: ['open', 'negotiating', 'agreed'], to: 'closed', by: ['owner', 'requester'] },
};

/** Messages are exchanged while the negotiation is live. */
export const CONVERSING: readonly InquiryStatus[] = ['open', 'negotiating', 'agreed'];

export function inquiryTransitionAllowed(name: InquiryTransition, status: InquiryStatus, side: Side): boolean {
  const t = INQUIRY_TRANSITION_TABLE[name];
  return t.from.includes(status) && t.by.includes(side);
}

import type { PledgeStatus, PledgeTransition } from '../../../common/api/finance.js';

export type PledgeSide = 'applicant' | 'bank';

/** 知识产权质押融资: the bank decides, registers the pledge, records repayment and releases it. */
export const PLEDGE_TRANSITION_TABLE: Record<PledgeTransition, { from: readonly PledgeStatus[]; to: PledgeStatus; by: PledgeSide }> = {
  approve: { from: ['submitted'], to: 'approved', by: 'bank' },
  decline: { from: ['submitted'], to: 'declined', by: 'bank' },
  withdraw: { from: ['submitted', 'approved'], to: 'withdrawn', by: 'applicant' },
  register_pledge: { from: ['approved'], to: 'pledged', by: 'bank' },
  record_repayment: { from: ['pledged'], to: 'repaid', by: 'bank' },
  release: { from: ['repaid'], to: 'released', by: 'bank' },
};

export const pledgeTransitionAllowed = (name: PledgeTransition, status: PledgeStatus, side: PledgeSide) =>
  PLEDGE_TRANSITION_TABLE[name].by === side && PLEDGE_TRANSITION_TABLE[name].from.includes(status);

export type InterestStatus = 'expressed' | 'accepted' | 'declined' | 'withdrawn';
export type InterestSide = 'requester' | 'investor';
export type InterestTransition = 'accept' | 'decline' | 'withdraw';

/** An investor's interest: the requester accepts or declines it; the investor may withdraw it. */
export const INTEREST_TRANSITION_TABLE: Record<
  InterestTransition,
  { from: readonly InterestStatus[]; to: InterestStatus; by: InterestSide }
> = {
  accept: { from: ['expressed'], to: 'accepted', by: 'requester' },
  decline: { from: ['expressed', 'accepted'], to: 'declined', by: 'requester' },
  withdraw: { from: ['expressed', 'accepted'], to: 'withdrawn', by: 'investor' },
};
/** Messages are exchanged while the interest is live. */
export const INTEREST_CONVERSING: readonly InterestStatus[] = ['expressed', 'accepted'];

export type RequestStatus = 'open' | 'funded' | 'closed';
export const REQUEST_TRANSITION_TABLE: Record<'fund' | 'close', { from: readonly RequestStatus[]; to: RequestStatus }> = {
  fund: { from: ['open'], to: 'funded' },
  close: { from: ['open'], to: 'closed' },
};

import type {
  DealStatus,
  DepositStatus,
  IntentStatus,
  ListingStatus,
  ObjectionStatus,
  RegistrationStatus,
} from '../../../common/api/trading.js';
import { AppError } from '../../lib/errors.js';

/**
 * The trading lifecycles, one transition table each. A transition names the states it leaves, the
 * state it enters and who may fire it; services check the table, change the row in one transaction
 * with the row locked, and write `<entity>.<transition>` to the audit log.
 *
 * Parties: owner = a member (trade:initiate) of the selling organisation; buyer = a member
 * (trade:participate) of the buying / bidding organisation; staff = trading-centre staff
 * (trade:staff); official = trade:oversee over the trade's region; system = the platform itself (scheduler jobs, consequences of another transition).
 */
export type Party = 'owner' | 'buyer' | 'staff' | 'official' | 'system';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  by: readonly Party[];
}
type Table<S extends string> = Record<string, Transition<S>>;

/** Stored auction statuses (upcoming / live / ended are read from the clock while `scheduled`). */
export type StoredAuctionStatus = 'scheduled' | 'sold' | 'failed' | 'cancelled' | 'defaulted';
/** Stored notice statuses (`awaiting_resolution` is read: posted, period over, objection open). */
export type StoredNoticeStatus = 'posted' | 'concluded' | 'voided' | 'withdrawn';

export const LISTING_TRANSITIONS = {
  withdraw: { from: ['open'], to: 'withdrawn', by: ['owner'] },
  renew: { from: ['lapsed'], to: 'open', by: ['owner'] },
  sell: { from: ['open'], to: 'sold', by: ['system'] }, // one qualified buyer at the end
  convert: { from: ['open'], to: 'converted', by: ['system'] }, // several: an auction among them
  lapse: { from: ['open'], to: 'lapsed', by: ['system'] }, // none
} as const satisfies Table<ListingStatus>;

export const INTENT_TRANSITIONS = {
  qualify: { from: ['pending'], to: 'qualified', by: ['staff'] },
  reject: { from: ['pending', 'qualified'], to: 'rejected', by: ['staff'] },
  withdraw: { from: ['pending', 'qualified'], to: 'withdrawn', by: ['buyer'] },
  expire: { from: ['pending'], to: 'expired', by: ['system'] }, // still unqualified when the listing ends
} as const satisfies Table<IntentStatus>;

export const AUCTION_TRANSITIONS = {
  cancel: { from: ['scheduled'], to: 'cancelled', by: ['owner'] }, // only before bidding opens
  close_sold: { from: ['scheduled'], to: 'sold', by: ['system'] },
  close_failed: { from: ['scheduled'], to: 'failed', by: ['system'] }, // no bid, or below the reserve
  default: { from: ['sold'], to: 'defaulted', by: ['system'] }, // the winner backed out (deal withdrawn)
} as const satisfies Table<StoredAuctionStatus>;

export const REGISTRATION_TRANSITIONS = {
  qualify: { from: ['pending'], to: 'qualified', by: ['staff'] },
  reject: { from: ['pending', 'qualified'], to: 'rejected', by: ['staff'] }, // only before the bidder has bid
  withdraw: { from: ['pending', 'qualified'], to: 'withdrawn', by: ['buyer'] }, // only before the bidder has bid
} as const satisfies Table<RegistrationStatus>;

export const DEPOSIT_TRANSITIONS = {
  confirm: { from: ['unpaid'], to: 'confirmed', by: ['staff'] },
  mark_refund: { from: ['confirmed'], to: 'refund_due', by: ['system'] }, // lost, withdrew, auction failed or cancelled
  refund: { from: ['refund_due'], to: 'refunded', by: ['staff'] },
  forfeit: { from: ['confirmed'], to: 'forfeited', by: ['system'] }, // the winner backed out
  apply: { from: ['confirmed'], to: 'applied', by: ['system'] }, // counted towards the winner's price
} as const satisfies Table<DepositStatus>;

export const NOTICE_TRANSITIONS = {
  withdraw: { from: ['posted'], to: 'withdrawn', by: ['owner'] },
  conclude: { from: ['posted'], to: 'concluded', by: ['system'] }, // period over, no open objection
  void: { from: ['posted'], to: 'voided', by: ['system'] }, // an objection was upheld
} as const satisfies Table<StoredNoticeStatus>;

export const OBJECTION_TRANSITIONS = {
  answer: { from: ['open', 'answered'], to: 'answered', by: ['owner'] },
  uphold: { from: ['open', 'answered'], to: 'upheld', by: ['official'] },
  dismiss: { from: ['open', 'answered'], to: 'dismissed', by: ['official'] },
} as const satisfies Table<ObjectionStatus>;
/** Objections in these states keep a notice from concluding. */
export const UNRESOLVED_OBJECTION: readonly ObjectionStatus[] = ['open', 'answered'];

export const DEAL_TRANSITIONS = {
  confirm_payment: { from: ['pending_payment'], to: 'completed', by: ['staff'] },
  withdraw: { from: ['pending_payment'], to: 'cancelled', by: ['buyer'] },
} as const satisfies Table<DealStatus>;

export function allowed<S extends string>(t: Transition<S>, status: string, parties: readonly Party[]): boolean {
  return (t.from as readonly string[]).includes(status) && t.by.some((p) => parties.includes(p) || parties.includes('system'));
}

/**
 * Throws unless the transition may fire: 403 when the actor is none of the parties that may fire
 * it, 409 when the record is in a state it does not leave.
 */
export function requireTransition<S extends string>(
  what: string,
  name: string,
  t: Transition<S>,
  status: string,
  parties: readonly Party[],
): S {
  if (!t.by.some((p) => parties.includes(p) || parties.includes('system')))
    throw AppError.forbidden(`You may not ${name.replace('_', ' ')} this ${what}`);
  if (!(t.from as readonly string[]).includes(status))
    throw AppError.conflict(`Cannot ${name.replace('_', ' ')} a ${what} that is ${status}`);
  return t.to;
}

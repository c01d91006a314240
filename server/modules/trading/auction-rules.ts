import type { AuctionStatus, DepositStatus } from '../../../common/api/trading.js';
import type { FieldError } from '../../../common/problems.js';
import type { StoredAuctionStatus } from './lifecycle.js';
import { TRADING_PARAMETERS } from './parameters.js';

/**
 * The auction's rules as pure functions of its state and the time: what the bid service, the
 * closing job and the presenters all apply, and what the model-based test checks against a
 * reference. Times are epoch milliseconds of the server's clock.
 */
export interface AuctionState {
  status: StoredAuctionStatus;
  startsAt: number;
  endsAt: number;
  startingPriceFen: number;
  incrementFen: number;
  reservePriceFen: number | null;
  currentPriceFen: number | null;
  /** The leading registration (its id), null before the first bid. */
  leader: string | null;
  bidCount: number;
}

export interface SoftClose {
  windowMs: number;
  extensionMs: number;
}
export const DEFAULT_SOFT_CLOSE: SoftClose = {
  windowMs: TRADING_PARAMETERS.softCloseWindowMs,
  extensionMs: TRADING_PARAMETERS.softCloseExtensionMs,
};

/** What the caller sees: stored terminal statuses as they are; a scheduled auction by the clock. */
export function phaseOf(s: Pick<AuctionState, 'status' | 'startsAt' | 'endsAt'>, now: number): AuctionStatus {
  if (s.status !== 'scheduled') return s.status;
  if (now < s.startsAt) return 'upcoming';
  if (now < s.endsAt) return 'live';
  return 'ended';
}

/** The least the next bid may be: the starting price first, then the current price plus the increment. */
export function minimumBid(s: Pick<AuctionState, 'currentPriceFen' | 'startingPriceFen' | 'incrementFen'>): number {
  return s.currentPriceFen === null ? s.startingPriceFen : s.currentPriceFen + s.incrementFen;
}

export type BidRefusal = 'closed' | 'not_open' | 'ended' | 'too_low';

export type BidDecision =
  { ok: true; next: AuctionState; extended: boolean; previousEndsAt: number } | { ok: false; reason: BidRefusal; minimumFen: number };

/**
 * Decides a bid by `bidder` (an eligible registration: qualified, deposit confirmed — the service
 * checks that) at time `at`. Accepted in the last `windowMs` before the end, it moves the end to
 * `extensionMs` after the bid (never earlier than it was).
 */
export function decideBid(
  s: AuctionState,
  bid: { bidder: string; amountFen: number; at: number },
  soft: SoftClose = DEFAULT_SOFT_CLOSE,
): BidDecision {
  const minimumFen = minimumBid(s);
  const phase = phaseOf(s, bid.at);
  if (phase === 'upcoming') return { ok: false, reason: 'not_open', minimumFen };
  if (phase === 'ended') return { ok: false, reason: 'ended', minimumFen };
  if (phase !== 'live') return { ok: false, reason: 'closed', minimumFen };
  if (bid.amountFen < minimumFen) return { ok: false, reason: 'too_low', minimumFen };
  const endsAt = bid.at >= s.endsAt - soft.windowMs ? Math.max(s.endsAt, bid.at + soft.extensionMs) : s.endsAt;
  return {
    ok: true,
    next: { ...s, currentPriceFen: bid.amountFen, leader: bid.bidder, bidCount: s.bidCount + 1, endsAt },
    extended: endsAt > s.endsAt,
    previousEndsAt: s.endsAt,
  };
}

export type CloseOutcome =
  | { status: 'sold'; reason: null; winner: string; priceFen: number }
  | { status: 'failed'; reason: 'no_bids' | 'below_reserve'; winner: null; priceFen: null };

/** The outcome of closing at `at`, or null when the auction is not due (not scheduled, or not yet past its end). */
export function decideClose(s: AuctionState, at: number): CloseOutcome | null {
  if (s.status !== 'scheduled' || at < s.endsAt) return null;
  if (s.currentPriceFen === null || s.leader === null) return { status: 'failed', reason: 'no_bids', winner: null, priceFen: null };
  if (s.reservePriceFen !== null && s.currentPriceFen < s.reservePriceFen)
    return { status: 'failed', reason: 'below_reserve', winner: null, priceFen: null };
  return { status: 'sold', reason: null, winner: s.leader, priceFen: s.currentPriceFen };
}

/** The owner may cancel only before bidding opens. */
export function mayCancel(s: AuctionState, at: number): boolean {
  return s.status === 'scheduled' && at < s.startsAt && s.bidCount === 0;
}

/**
 * Where each deposit goes when the auction ends: the winner's stays held (applied to the price on
 * payment, forfeited if the winner backs out); everyone else's is marked for refund.
 */
export function depositAfterClose(deposit: DepositStatus, isWinner: boolean): DepositStatus {
  if (deposit !== 'confirmed') return deposit;
  return isWinner ? 'confirmed' : 'refund_due';
}

/** The winner's deposit when the winner backs out (forfeited) or pays (applied to the price). */
export function winnerDepositAfter(deposit: DepositStatus, event: 'withdrew' | 'paid'): DepositStatus {
  if (deposit !== 'confirmed') return deposit;
  return event === 'withdrew' ? 'forfeited' : 'applied';
}

/** The deposit: the percentage of the starting price, rounded up to the fen. */
export function depositFor(startingPriceFen: number, percent: number): number {
  return Math.ceil((startingPriceFen * percent) / 100);
}

export interface AuctionTerms {
  startingPriceFen: number;
  incrementFen: number;
  reservePriceFen: number | null;
  depositPercent: number;
  startsAt: number;
  endsAt: number;
}

/** Checks an owner's auction terms against the parameters; every problem names its field. */
export function checkAuctionTerms(t: AuctionTerms, now: number, p = TRADING_PARAMETERS): FieldError[] {
  const errors: FieldError[] = [];
  const days = p.auctionAnnounceMs / 86400_000;
  if (t.depositPercent < p.depositPercent.min || t.depositPercent > p.depositPercent.max) {
    errors.push({
      field: 'body.depositPercent',
      message: `must be ${p.depositPercent.min}–${p.depositPercent.max}% of the starting price`,
    });
  }
  if (t.startsAt < now + p.auctionAnnounceMs)
    errors.push({ field: 'body.startsAt', message: `bidding may open no sooner than ${days} days after the announcement` });
  if (t.endsAt < t.startsAt + p.minBiddingMs)
    errors.push({ field: 'body.endsAt', message: `must be at least ${p.minBiddingMs / 60_000} minutes after bidding opens` });
  if (t.reservePriceFen !== null && t.reservePriceFen < t.startingPriceFen)
    errors.push({ field: 'body.reservePriceFen', message: 'must not be below the starting price' });
  if (t.incrementFen > t.startingPriceFen) errors.push({ field: 'body.incrementFen', message: 'must not exceed the starting price' });
  return errors;
}

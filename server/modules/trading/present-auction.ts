import { BIDDER_TERMS, DEPOSIT_INSTRUCTIONS, depositDueAt } from './bidder-terms.js';
import type { AuctionLiveState, AuctionView, BidView, RegistrationView } from '../../../common/api/trading.js';
import type { TransferMode } from '../../../common/catalog.js';
import type { Actor } from '../../lib/actor.js';
import { minimumBid, phaseOf } from './auction-rules.js';
import { allowed, DEPOSIT_TRANSITIONS, REGISTRATION_TRANSITIONS, type StoredAuctionStatus } from './lifecycle.js';
import { buyerOrgIds, partiesFor, seesIdentities } from './policy.js';
import type { AuctionRow, Loaded, LoadedRegistration } from './records.js';
import { tradeBase } from './presenter.js';

/**
 * Auction views. The reserve price is read by the closing job only: nothing here reads
 * `reservePriceFen` except to say whether there is one.
 */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type LiveRow = Pick<
  AuctionRow,
  | 'id'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'originalEndsAt'
  | 'startingPriceFen'
  | 'incrementFen'
  | 'currentPriceFen'
  | 'leaderNumber'
  | 'bidCount'
  | 'winnerNumber'
>;

export function presentLiveState(a: LiveRow, now: Date): AuctionLiveState {
  const status = phaseOf(
    { status: a.status as StoredAuctionStatus, startsAt: a.startsAt.getTime(), endsAt: a.endsAt.getTime() },
    now.getTime(),
  );
  return {
    auctionId: a.id,
    status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    originalEndsAt: a.originalEndsAt.toISOString(),
    serverTime: now.toISOString(),
    startingPriceFen: a.startingPriceFen,
    incrementFen: a.incrementFen,
    currentPriceFen: a.currentPriceFen,
    leaderNumber: a.leaderNumber,
    bidCount: a.bidCount,
    minimumBidFen: minimumBid(a),
    winnerNumber: a.winnerNumber,
    lastSeq: a.bidCount,
  };
}

export function presentBid(b: {
  seq: number;
  amountFen: number;
  bidderNumber: string;
  placedAt: Date;
  endsAtAfter: Date;
  extended: boolean;
}): BidView {
  return {
    seq: b.seq,
    amountFen: b.amountFen,
    bidderNumber: b.bidderNumber,
    placedAt: b.placedAt.toISOString(),
    endsAtAfter: b.endsAtAfter.toISOString(),
    extended: b.extended,
  };
}

export interface RegistrationExtras {
  /** Whether this registration has placed a bid (then it can no longer withdraw or be rejected). */
  hasBid: boolean;
}

export function presentRegistration(r: LoadedRegistration, actor: Actor, now: Date, extras: RegistrationExtras): RegistrationView {
  const a = r.auction;
  const parties = partiesFor(actor, {
    organizationId: a.organizationId,
    regionPath: r.regionPath,
    buyerOrganizationIds: [r.row.bidderOrganizationId],
  });
  const own = parties.includes('buyer');
  const phase = phaseOf(
    { status: a.status as StoredAuctionStatus, startsAt: a.startsAt.getTime(), endsAt: a.endsAt.getTime() },
    now.getTime(),
  );
  const open = phase === 'upcoming' || phase === 'live';
  const actions: RegistrationView['actions'] = [];
  if (parties.includes('staff')) {
    if (open && allowed(REGISTRATION_TRANSITIONS.qualify, r.row.status, ['staff'])) actions.push('qualify');
    if (open && !extras.hasBid && allowed(REGISTRATION_TRANSITIONS.reject, r.row.status, ['staff'])) actions.push('reject');
    if (open && ['pending', 'qualified'].includes(r.row.status) && allowed(DEPOSIT_TRANSITIONS.confirm, r.row.depositStatus, ['staff']))
      actions.push('confirm_deposit');
    if (allowed(DEPOSIT_TRANSITIONS.refund, r.row.depositStatus, ['staff'])) actions.push('confirm_refund');
  }
  if (own && open && !extras.hasBid && allowed(REGISTRATION_TRANSITIONS.withdraw, r.row.status, ['buyer'])) actions.push('withdraw');
  const identities = own || seesIdentities(parties);
  return {
    id: r.row.id,
    auctionId: a.id,
    bidderNumber: r.row.bidderNumber,
    status: r.row.status as RegistrationView['status'],
    depositStatus: r.row.depositStatus as RegistrationView['depositStatus'],
    depositFen: r.row.depositFen,
    depositReference: identities ? r.row.depositReference : null,
    eligible: r.row.status === 'qualified' && r.row.depositStatus === 'confirmed',
    isWinner: a.winnerRegistrationId === r.row.id,
    bidder: identities ? r.bidder : null,
    qualification: identities ? r.row.qualification : null,
    reviewReason: identities ? r.row.reviewReason : null,
    termsVersion: r.row.termsVersion,
    termsAcceptedAt: iso(r.row.termsAcceptedAt),
    createdAt: r.row.createdAt.toISOString(),
    auction: { id: a.id, title: a.title, status: phase, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() },
    actions,
  };
}

export interface AuctionExtras {
  myRegistration: { loaded: LoadedRegistration; hasBid: boolean } | null;
  qualifiedBidders: number;
}

export function presentAuction(l: Loaded<AuctionRow>, actor: Actor, now: Date, extras: AuctionExtras): AuctionView {
  const a = l.row;
  const live = presentLiveState(a, now);
  const parties = partiesFor(actor, { organizationId: a.organizationId, regionPath: l.regionPath });
  const open = live.status === 'upcoming' || live.status === 'live';
  const mine = extras.myRegistration;
  const actions: AuctionView['actions'] = [];
  if (parties.includes('owner') && live.status === 'upcoming') actions.push('cancel');
  const canBuy = buyerOrgIds(actor).some((id) => id !== a.organizationId);
  const liveReg = mine && ['pending', 'qualified'].includes(mine.loaded.row.status);
  if (open && canBuy && !liveReg) actions.push('register');
  if (live.status === 'live' && mine && mine.loaded.row.status === 'qualified' && mine.loaded.row.depositStatus === 'confirmed')
    actions.push('bid');
  if (open && liveReg && !mine.hasBid) actions.push('withdraw_registration');
  const { auctionId: _omit, ...state } = live;
  return {
    ...tradeBase(l, now),
    ...state,
    kind: 'auction',
    transferMode: a.transferMode as TransferMode,
    listingId: a.listingId,
    hasReserve: a.reservePriceFen !== null,
    depositPercent: a.depositPercent,
    depositFen: a.depositFen,
    announcedAt: a.announcedAt.toISOString(),
    closedAt: iso(a.closedAt),
    finalPriceFen: a.finalPriceFen,
    qualifiedBidders: extras.qualifiedBidders,
    bidderTerms: {
      version: BIDDER_TERMS.version,
      source: BIDDER_TERMS.source,
      items: [...BIDDER_TERMS.items],
      depositFen: a.depositFen,
      depositDueAt: depositDueAt(a).toISOString(),
      depositInstructions: DEPOSIT_INSTRUCTIONS,
    },
    myRegistration: mine ? presentRegistration(mine.loaded, actor, now, { hasBid: mine.hasBid }) : null,
    actions,
  };
}

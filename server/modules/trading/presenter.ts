import type { DealView, IntentView, ListingView, NoticeView, ObjectionView, OrgRef } from '../../../common/api/trading.js';
import type { TransferMode } from '../../../common/catalog.js';
import type { Actor } from '../../lib/actor.js';
import {
  allowed,
  DEAL_TRANSITIONS,
  INTENT_TRANSITIONS,
  LISTING_TRANSITIONS,
  NOTICE_TRANSITIONS,
  OBJECTION_TRANSITIONS,
  UNRESOLVED_OBJECTION,
} from './lifecycle.js';
import { buyerOrgIds, partiesFor, seesIdentities } from './policy.js';
import type { ListingRow, Loaded, LoadedDeal, LoadedIntent, LoadedObjection, NoticeRow } from './records.js';

/** Rows → API views, with the actions the caller may take (so the UI hides buttons without copying rules). */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type TradeRow = Pick<
  ListingRow,
  | 'id'
  | 'achievementId'
  | 'title'
  | 'achievementSummary'
  | 'fieldCode'
  | 'regionCode'
  | 'transferMode'
  | 'description'
  | 'pricingBasis'
  | 'approvals'
  | 'dealId'
  | 'createdAt'
  | 'updatedAt'
>;

/** What every listing, auction and notice view shares (never the reserve price: it is not among these fields). */
export function tradeBase(l: Loaded<TradeRow>, now: Date) {
  const r = l.row;
  return {
    id: r.id,
    achievement: { id: r.achievementId, title: r.title, summary: r.achievementSummary, fieldCode: r.fieldCode, fieldName: l.fieldName },
    seller: l.seller,
    regionCode: r.regionCode,
    regionName: l.regionName,
    transferMode: r.transferMode as TransferMode,
    description: r.description,
    pricingBasis: r.pricingBasis ?? null,
    approvals: r.approvals,
    dealId: r.dealId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    serverTime: now.toISOString(),
  };
}

export function presentIntent(i: LoadedIntent, actor: Actor, now: Date): IntentView {
  const parties = partiesFor(actor, {
    organizationId: i.listing.organizationId,
    regionPath: i.regionPath,
    buyerOrganizationIds: [i.row.buyerOrganizationId],
  });
  const own = parties.includes('buyer');
  const listingOpen = i.listing.status === 'open' && now < i.listing.endsAt;
  const actions: IntentView['actions'] = [];
  if (
    listingOpen &&
    allowed(
      INTENT_TRANSITIONS.qualify,
      i.row.status,
      parties.filter((p) => p === 'staff'),
    )
  )
    actions.push('qualify');
  if (
    listingOpen &&
    allowed(
      INTENT_TRANSITIONS.reject,
      i.row.status,
      parties.filter((p) => p === 'staff'),
    )
  )
    actions.push('reject');
  if (
    listingOpen &&
    allowed(
      INTENT_TRANSITIONS.withdraw,
      i.row.status,
      parties.filter((p) => p === 'buyer'),
    )
  )
    actions.push('withdraw');
  const identities = own || seesIdentities(parties);
  // The owner learns who registered on its listing and the centre's verdict (as the dossier shows it),
  // not the qualification statement the buyer filed with the centre.
  const owner = parties.includes('owner');
  return {
    id: i.row.id,
    listingId: i.row.listingId,
    status: i.row.status as IntentView['status'],
    buyer: identities || owner ? i.buyer : null,
    offerFen: i.row.offerFen,
    qualification: identities ? i.row.qualification : null,
    reviewReason: identities || owner ? i.row.reviewReason : null,
    reviewedAt: iso(i.row.reviewedAt),
    createdAt: i.row.createdAt.toISOString(),
    listing: {
      id: i.listing.id,
      title: i.listing.title,
      status: i.listing.status as IntentView['listing']['status'],
      endsAt: i.listing.endsAt.toISOString(),
    },
    actions,
  };
}

export interface ListingExtras {
  intentCount: number;
  qualifiedCount: number;
  myIntent: LoadedIntent | null;
  /** Every intent, for staff and the listing's owner. */
  intents: LoadedIntent[] | null;
}

export function presentListing(l: Loaded<ListingRow>, actor: Actor, now: Date, extras: ListingExtras): ListingView {
  const r = l.row;
  const parties = partiesFor(actor, { organizationId: r.organizationId, regionPath: l.regionPath });
  const open = r.status === 'open' && now < r.endsAt;
  const actions: ListingView['actions'] = [];
  if (
    open &&
    allowed(
      LISTING_TRANSITIONS.withdraw,
      r.status,
      parties.filter((p) => p === 'owner'),
    )
  )
    actions.push('withdraw');
  if (
    allowed(
      LISTING_TRANSITIONS.renew,
      r.status,
      parties.filter((p) => p === 'owner'),
    )
  )
    actions.push('renew');
  const myLive = extras.myIntent && ['pending', 'qualified'].includes(extras.myIntent.row.status);
  if (open && !myLive && buyerOrgIds(actor).some((id) => id !== r.organizationId)) actions.push('register_intent');
  return {
    ...tradeBase(l, now),
    kind: 'listing',
    status: r.status as ListingView['status'],
    basePriceFen: r.basePriceFen,
    listingDays: r.listingDays,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    renewals: r.renewals,
    intentCount: extras.intentCount,
    qualifiedCount: extras.qualifiedCount,
    auctionId: r.auctionId,
    myIntent: extras.myIntent ? presentIntent(extras.myIntent, actor, now) : null,
    intents: extras.intents ? extras.intents.map((i) => presentIntent(i, actor, now)) : null,
    actions,
  };
}

export interface ObjectorInfo {
  name: string;
  organization: OrgRef | null;
}

export function presentObjection(o: LoadedObjection, actor: Actor, now: Date, objector: ObjectorInfo | null): ObjectionView {
  const n = o.notice;
  const parties = partiesFor(actor, { organizationId: n.organizationId, regionPath: o.regionPath });
  const mine = actor.userId !== null && actor.userId === o.row.objectorUserId;
  const actions: ObjectionView['actions'] = [];
  if (
    n.status === 'posted' &&
    allowed(
      OBJECTION_TRANSITIONS.answer,
      o.row.status,
      parties.filter((p) => p === 'owner'),
    )
  )
    actions.push('answer');
  if (
    n.status === 'posted' &&
    allowed(
      OBJECTION_TRANSITIONS.uphold,
      o.row.status,
      parties.filter((p) => p === 'official'),
    )
  )
    actions.push('resolve');
  return {
    id: o.row.id,
    noticeId: n.id,
    status: o.row.status as ObjectionView['status'],
    grounds: o.row.grounds,
    answer: o.row.answer,
    answeredAt: iso(o.row.answeredAt),
    decision: (o.row.decision as ObjectionView['decision']) ?? null,
    resolutionReason: o.row.resolutionReason,
    resolvedAt: iso(o.row.resolvedAt),
    filedAt: o.row.createdAt.toISOString(),
    objector: (mine || seesIdentities(parties)) && objector ? objector : null,
    mine,
    notice: {
      id: n.id,
      title: n.title,
      status: noticeStatus(n, now, UNRESOLVED_OBJECTION.includes(o.row.status as ObjectionView['status']) ? 1 : 0),
      endsAt: n.endsAt.toISOString(),
    },
    actions,
  };
}

/** posted → awaiting_resolution once the period is over with an objection still open. */
export function noticeStatus(n: Pick<NoticeRow, 'status' | 'endsAt'>, now: Date, unresolved: number): NoticeView['status'] {
  if (n.status === 'posted' && now >= n.endsAt && unresolved > 0) return 'awaiting_resolution';
  return n.status as NoticeView['status'];
}

export interface NoticeExtras {
  buyer: OrgRef;
  objections: LoadedObjection[];
  objectors: Map<string, ObjectorInfo>;
}

export function presentNotice(l: Loaded<NoticeRow>, actor: Actor, now: Date, extras: NoticeExtras): NoticeView {
  const r = l.row;
  const parties = partiesFor(actor, { organizationId: r.organizationId, regionPath: l.regionPath });
  const unresolved = extras.objections.filter((o) => UNRESOLVED_OBJECTION.includes(o.row.status as ObjectionView['status'])).length;
  const actions: NoticeView['actions'] = [];
  if (
    allowed(
      NOTICE_TRANSITIONS.withdraw,
      r.status,
      parties.filter((p) => p === 'owner'),
    )
  )
    actions.push('withdraw');
  if (r.status === 'posted' && now < r.endsAt && actor.kind === 'user' && !parties.includes('owner')) actions.push('object');
  return {
    ...tradeBase(l, now),
    kind: 'notice',
    status: noticeStatus(r, now, unresolved),
    buyer: extras.buyer,
    priceFen: r.priceFen,
    summary: r.summary,
    relatedParty: r.relatedParty || r.relatedPartyReasons.length > 0,
    relatedPartyReasons: r.relatedPartyReasons,
    relationNote: r.relationNote,
    postedAt: r.postedAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    noticeDays: r.noticeDays,
    openObjections: unresolved,
    objections: extras.objections.map((o) => presentObjection(o, actor, now, extras.objectors.get(o.row.id) ?? null)),
    actions,
  };
}

export function presentDeal(d: LoadedDeal, actor: Actor): DealView {
  const r = d.row;
  const parties = partiesFor(actor, {
    organizationId: r.sellerOrganizationId,
    regionPath: d.regionPath,
    buyerOrganizationIds: [r.buyerOrganizationId],
  });
  const party = parties.includes('owner') || parties.includes('buyer');
  const actions: DealView['actions'] = [];
  if (
    allowed(
      DEAL_TRANSITIONS.confirm_payment,
      r.status,
      parties.filter((p) => p === 'staff'),
    )
  )
    actions.push('confirm_payment');
  if (
    allowed(
      DEAL_TRANSITIONS.withdraw,
      r.status,
      parties.filter((p) => p === 'buyer'),
    )
  )
    actions.push('withdraw');
  if (party || seesIdentities(parties)) actions.push('dossier');
  if (parties.includes('owner') && r.status !== 'cancelled') actions.push('apply_contract'); // the seller applies to register the contract
  return {
    id: r.id,
    route: r.route as DealView['route'],
    status: r.status as DealView['status'],
    achievement: { id: r.achievementId, title: r.title, summary: r.achievementSummary, fieldCode: r.fieldCode, fieldName: d.fieldName },
    seller: d.seller,
    buyer: d.buyer,
    priceFen: r.priceFen,
    depositAppliedFen: r.depositAppliedFen,
    amountDueFen: r.priceFen - r.depositAppliedFen,
    transferMode: r.transferMode as TransferMode,
    listingId: r.listingId,
    auctionId: r.auctionId,
    noticeId: r.noticeId,
    paymentReference: party || parties.includes('staff') ? r.paymentReference : null,
    paymentConfirmedAt: iso(r.paymentConfirmedAt),
    cancelledAt: iso(r.cancelledAt),
    cancelReason: r.cancelReason,
    createdAt: r.createdAt.toISOString(),
    actions,
  };
}

import { z } from 'zod';
import { DayWithin, InstantWithin, Text } from '../text.js';
import { TRANSFER_MODES } from '../catalog.js';

/**
 * Trading (C4: 挂牌, 拍卖, 协议定价公示; 十八 pricing dossier): the API contract of server/modules/trading.
 * Money is integer fen; instants are ISO-8601 UTC strings; the server's clock is the truth (views
 * carry `serverTime` so a countdown can correct for the client's clock).
 *
 * Routes (method, path, access — the service then checks ownership, role and region scope):
 *   GET    /api/trading/parameters                     public             the rule parameters in force, with their sources
 *   GET    /api/trading/hall                           public             交易大厅: open listings, upcoming and live auctions, notices under way, recent deals
 *   GET    /api/trading/listings                       public             listings (query: status, limit, offset); public statuses only
 *   POST   /api/trading/listings                       trade:initiate     list an own published achievement (挂牌) → 201 ListingView
 *   GET    /api/trading/listings/:id                   public             one listing
 *   POST   /api/trading/listings/:id/withdraw          trade:initiate     owner withdraws an open listing (body: reason)
 *   POST   /api/trading/listings/:id/renew             trade:initiate     owner renews a lapsed listing (body: listingDays)
 *   POST   /api/trading/listings/:id/intents           trade:participate  register purchase intent (意向受让) with an offer ≥ base price → 201 IntentView
 *   POST   /api/trading/intents/:id/qualification      trade:staff        qualify or reject an intent
 *   POST   /api/trading/intents/:id/withdraw           trade:participate  the buyer withdraws its intent (listing still open)
 *   GET    /api/trading/auctions                       public             auctions (query: status = upcoming|live|ended|…, limit, offset)
 *   POST   /api/trading/auctions                       trade:initiate     announce an auction (拍卖) of an own published achievement → 201 AuctionView
 *   GET    /api/trading/auctions/:id                   public             one auction (never the reserve price: only `hasReserve`)
 *   POST   /api/trading/auctions/:id/cancel            trade:initiate     owner cancels before bidding opens (body: reason)
 *   GET    /api/trading/auctions/:id/live              public             AuctionSnapshot as JSON (what the SSE stream sends first)
 *   GET    /api/trading/auctions/:id/events            public             text/event-stream: snapshot, then bid / extended / closed / heartbeat
 *   GET    /api/trading/auctions/:id/bids              public             bid history, newest first (query: limit, before = seq)
 *   POST   /api/trading/auctions/:id/bids              trade:participate  place a bid; header Idempotency-Key (≤ 100 chars) answers a retry with the first result
 *                                                                         → 201 BidResult; 409 problem (errors[0].field = body.amountFen) when refused
 *   POST   /api/trading/auctions/:id/registrations     trade:participate  register as a bidder (竞买登记) → 201 RegistrationView with the 竞买人编号
 *   GET    /api/trading/auctions/:id/registrations     trade:staff        every registration of an auction, with the bidders' organisations
 *   POST   /api/trading/registrations/:id/qualification trade:staff       qualify or reject a bidder
 *   POST   /api/trading/registrations/:id/deposit      trade:staff        confirm the deposit was received (payment channel `manual`)
 *   POST   /api/trading/registrations/:id/refund       trade:staff        confirm a deposit marked for refund was paid back
 *   POST   /api/trading/registrations/:id/withdraw     trade:participate  the bidder withdraws its registration (only before it has bid)
 *   GET    /api/trading/notices                        public             agreement notices (query: status, limit, offset)
 *   POST   /api/trading/notices                        trade:initiate     post an agreed price for public notice (协议定价公示) → 201 NoticeView
 *   GET    /api/trading/notices/:id                    public             one notice with its objections (objectors shown to officials and staff only)
 *   POST   /api/trading/notices/:id/withdraw           trade:initiate     owner withdraws a notice under way (body: reason)
 *   POST   /api/trading/notices/:id/objections         authenticated      anyone logged in files an objection (异议) with grounds → 201 ObjectionView
 *   GET    /api/trading/objections                     trade:oversee      objections in the official's region (query: status, limit, offset)
 *   POST   /api/trading/objections/:id/answer          trade:initiate     the notice's owner answers an objection
 *   POST   /api/trading/objections/:id/resolution      trade:oversee      an official in scope upholds (notice void) or dismisses it
 *   GET    /api/trading/deals                          public             recent deals (query: route, limit, offset)
 *   GET    /api/trading/deals/:id                      public             one deal: parties, price, mode, route
 *   POST   /api/trading/deals/:id/payment              trade:staff        confirm the buyer's payment → deal completed, achievement transferred
 *   POST   /api/trading/deals/:id/withdraw             trade:participate  the buyer backs out before paying (an auction winner forfeits the deposit)
 *   GET    /api/trading/deals/:id/dossier.pdf          authenticated      pricing-decision dossier (parties, staff, officials in scope)
 *   GET    /api/trading/mine                           authenticated      workspace: my listings, auctions, notices, intents, registrations, deals, objections
 *   GET    /api/trading/staff/desk                     trade:staff        staff desk: intents and bidders to qualify, deposits, refunds, payments due
 *   GET    /api/trading/counterparties                 trade:initiate     active organisations by name or credit code (query: q), to name a notice's buyer
 *
 * Mutations carry the session's CSRF token like every other route. A refused state change is a
 * 409 `conflict` (wrong state or time), 403 `forbidden` (not your record / not qualified) or 400
 * `validation_failed` naming the field.
 */

const MAX_FEN = 100_000_000_000_000; // ¥1 trillion: anything above is a typo
const Fen = z.number().int('must be a whole number of fen').min(0, 'must not be negative').max(MAX_FEN, 'is implausibly large');
const PositiveFen = Fen.min(1, 'must be more than zero');
const Reason = Text(1000).min(2, 'give a reason');
const Instant = InstantWithin(366);
const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

// ------------------------------------------------------------------------------------------------
// Vocabulary

export const TRADE_ROUTES = ['listing', 'auction', 'agreement'] as const;
export type TradeRoute = (typeof TRADE_ROUTES)[number];
export const TRADE_ROUTE_LABELS: Record<TradeRoute, { zh: string; en: string }> = {
  listing: { zh: '挂牌交易', en: 'Listing' },
  auction: { zh: '拍卖', en: 'Auction' },
  agreement: { zh: '协议定价', en: 'Agreed price' },
};

/** Listing: open → sold (one qualified buyer) | converted (several: an auction among them) | lapsed (none) | withdrawn; lapsed → open (renew). */
export const LISTING_STATUSES = ['open', 'sold', 'converted', 'lapsed', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const INTENT_STATUSES = ['pending', 'qualified', 'rejected', 'withdrawn', 'expired'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

/**
 * Auction, as the caller sees it at `serverTime`: upcoming (announced, bidding not open) → live →
 * ended (past its end, the scheduler is closing it) → sold | failed (no bid or below reserve);
 * cancelled (by the owner before bidding); defaulted (the winner backed out).
 */
export const AUCTION_STATUSES = ['upcoming', 'live', 'ended', 'sold', 'failed', 'cancelled', 'defaulted'] as const;
export type AuctionStatus = (typeof AUCTION_STATUSES)[number];

export const REGISTRATION_STATUSES = ['pending', 'qualified', 'rejected', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Deposit (保证金): unpaid → confirmed → applied (winner pays) | refund_due → refunded (others) | forfeited (winner backed out). */
export const DEPOSIT_STATUSES = ['unpaid', 'confirmed', 'refund_due', 'refunded', 'forfeited', 'applied'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/** Notice: posted → concluded (deal) | voided (an objection upheld) | withdrawn; `awaiting_resolution` = period over, an objection still open. */
export const NOTICE_STATUSES = ['posted', 'awaiting_resolution', 'concluded', 'voided', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Objection: open → answered (by the owner) → upheld | dismissed (by an official); open and answered block the deal. */
export const OBJECTION_STATUSES = ['open', 'answered', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Deal: pending_payment → completed (staff confirm payment; achievement transferred) | cancelled (buyer backed out). */
export const DEAL_STATUSES = ['pending_payment', 'completed', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const PRICING_METHODS = ['appraisal', 'evaluation', 'negotiation', 'market'] as const;
export type PricingMethod = (typeof PRICING_METHODS)[number];
export const PRICING_METHOD_LABELS: Record<PricingMethod, { zh: string; en: string }> = {
  appraisal: { zh: '资产评估', en: 'Asset appraisal' },
  evaluation: { zh: '专家评价', en: 'Expert evaluation' },
  negotiation: { zh: '协商定价', en: 'Negotiated' },
  market: { zh: '市场询价', en: 'Market enquiry' },
};

// ------------------------------------------------------------------------------------------------
// Inputs

/** How the price was arrived at (appraisal or evaluation if any): goes into the dossier. */
export const PricingBasis = z.object({
  method: z.enum(PRICING_METHODS),
  appraiser: Text(200).optional(),
  appraisedValueFen: Fen.optional(),
  reportNumber: Text(100).optional(),
  reportDate: DayWithin({ earliest: '1980-01-01', latestDays: 366 }).optional(),
  note: Text(2000).optional(),
});
export type PricingBasis = z.infer<typeof PricingBasis>;

/** An internal approval of the decision to trade (e.g. 校长办公会, 技术转移委员会): goes into the dossier. */
export const Approval = z.object({
  body: Text(200).min(2, 'name the approving body'),
  decision: Text(500).min(2, 'say what was decided'),
  decidedOn: DayWithin({ earliest: '1980-01-01', latestDays: 366 }),
  reference: Text(100).optional(),
});
export type Approval = z.infer<typeof Approval>;

const DossierInputs = {
  pricingBasis: PricingBasis.nullable().optional(),
  approvals: z.array(Approval).max(20).default([]),
};

export const ListingCreateBody = z.object({
  achievementId: z.uuid('must be an achievement id'),
  basePriceFen: PositiveFen,
  transferMode: z.enum(TRANSFER_MODES),
  /** Listing period in days (parameters.listingDays.min–max), ending at 24:00 Beijing time of the last day. */
  listingDays: z.number().int('must be whole days').min(1).max(365),
  description: Text(3000).optional(),
  ...DossierInputs,
});
export type ListingCreateBody = z.infer<typeof ListingCreateBody>;

export const ListingRenewBody = z.object({ listingDays: z.number().int('must be whole days').min(1).max(365) });
export const ReasonBody = z.object({ reason: Reason });

export const IntentCreateBody = z.object({
  offerFen: PositiveFen,
  /** The buyer's qualification statement (资质说明): capacity, funds, plans. */
  qualification: Text(3000).min(10, 'describe your qualification (at least 10 characters)'),
  /** Members of several organisations name the one they act for. */
  organizationId: z.uuid().optional(),
});

export const QualificationBody = z
  .object({ decision: z.enum(['qualified', 'rejected']), reason: Text(1000).optional() })
  .superRefine((b, ctx) => {
    if (b.decision === 'rejected' && !b.reason?.trim())
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'give a reason to reject' });
  });

export const AuctionCreateBody = z.object({
  achievementId: z.uuid('must be an achievement id'),
  transferMode: z.enum(TRANSFER_MODES),
  startingPriceFen: PositiveFen,
  incrementFen: PositiveFen,
  /** Confidential (保留价): never shown to anyone; below it the auction fails. */
  reservePriceFen: PositiveFen.nullable().optional(),
  /** Deposit as a percentage of the starting price (parameters.depositPercent.min–max). */
  depositPercent: z.number().int('must be a whole percentage').min(1).max(100),
  /** Bidding opens: at least parameters.announceDays after now. */
  startsAt: Instant,
  /** Bidding closes (before soft-close extensions). */
  endsAt: Instant,
  description: Text(3000).optional(),
  ...DossierInputs,
});
export type AuctionCreateBody = z.infer<typeof AuctionCreateBody>;

export const RegistrationCreateBody = z.object({
  qualification: Text(3000).min(10, 'describe your qualification (at least 10 characters)'),
  organizationId: z.uuid().optional(),
  /** The version of the 竞买须知 (AuctionView.bidderTerms.version) the bidder read and accepts; required. */
  acceptedTermsVersion: z.string({ error: 'accept the bidder terms (竞买须知)' }).min(1, 'accept the bidder terms (竞买须知)').max(32),
});

/** 竞买须知 shown before registering, with how and by when the deposit is paid. */
export const BidderTerms = z.object({
  version: z.string(),
  source: z.string(),
  items: z.array(z.string()),
  depositFen: z.number(),
  /** The deposit must have arrived by then (working-day calendar). */
  depositDueAt: z.string(),
  depositInstructions: z.string(),
});
export type BidderTerms = z.infer<typeof BidderTerms>;

/** A payment recorded by staff (or, later, a payment channel): the bank or channel reference and the amount received. */
export const PaymentConfirmBody = z.object({
  reference: Text(100).min(2, 'give the payment reference'),
  amountFen: PositiveFen,
});
export const RefundConfirmBody = z.object({ reference: Text(100).min(2, 'give the refund reference') });

export const BidBody = z.object({
  amountFen: PositiveFen,
  organizationId: z.uuid().optional(),
});
export type BidBody = z.infer<typeof BidBody>;

export const NoticeCreateBody = z.object({
  achievementId: z.uuid('must be an achievement id'),
  buyerOrganizationId: z.uuid('must be an organisation id'),
  priceFen: PositiveFen,
  transferMode: z.enum(TRANSFER_MODES),
  /** What the notice says about the deal (成果简介 and terms). */
  summary: Text(3000).min(10, 'must be at least 10 characters'),
  /** The owner declares whether the buyer is related to the team or the owner (关联关系). */
  relatedParty: z.boolean(),
  relationNote: Text(1000).optional(),
  ...DossierInputs,
});
export type NoticeCreateBody = z.infer<typeof NoticeCreateBody>;

export const ObjectionCreateBody = z.object({ grounds: Text(3000).min(10, 'state the grounds (at least 10 characters)') });
export const ObjectionAnswerBody = z.object({ answer: Text(3000).min(2, 'must not be empty') });
export const ObjectionResolutionBody = z.object({ decision: z.enum(['upheld', 'dismissed']), reason: Reason });

export const ListingsQuery = z.object({ status: z.enum(LISTING_STATUSES).optional(), ...Page });
export const AuctionsQuery = z.object({ status: z.enum(AUCTION_STATUSES).optional(), ...Page });
export const NoticesQuery = z.object({ status: z.enum(NOTICE_STATUSES).optional(), ...Page });
export const ObjectionsQuery = z.object({ status: z.enum([...OBJECTION_STATUSES, 'unresolved']).optional(), ...Page });
export const DealsQuery = z.object({ route: z.enum(TRADE_ROUTES).optional(), ...Page });
export const BidsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Bids with a sequence number below this one (paging back through history). */
  before: z.coerce.number().int().min(1).optional(),
});
export const CounterpartiesQuery = z.object({ q: z.string().trim().min(1, 'type part of a name or a credit code').max(100) });

// ------------------------------------------------------------------------------------------------
// Views

export const OrgRef = z.object({ id: z.string(), name: z.string(), type: z.string() });
export type OrgRef = z.infer<typeof OrgRef>;

/** The achievement as posted when trading started (title and summary do not change while in trade). */
export const AchievementRef = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
});

const TradeBase = {
  id: z.string(),
  achievement: AchievementRef,
  seller: OrgRef,
  regionCode: z.string(),
  regionName: z.string(),
  transferMode: z.enum(TRANSFER_MODES),
  description: z.string().nullable(),
  pricingBasis: PricingBasis.nullable(),
  approvals: z.array(Approval),
  dealId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  serverTime: z.string(),
};

export const INTENT_ACTIONS = ['qualify', 'reject', 'withdraw'] as const;
export const IntentView = z.object({
  id: z.string(),
  listingId: z.string(),
  status: z.enum(INTENT_STATUSES),
  /** Shown to the buyer itself, the listing's owner and staff; null for others. */
  buyer: OrgRef.nullable(),
  offerFen: z.number(),
  /** The qualification statement filed with the centre: the buyer itself and staff only (null for the owner). */
  qualification: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  /** For workspace lists: what the intent is for. */
  listing: z.object({ id: z.string(), title: z.string(), status: z.enum(LISTING_STATUSES), endsAt: z.string() }),
  actions: z.array(z.enum(INTENT_ACTIONS)),
});
export type IntentView = z.infer<typeof IntentView>;

export const LISTING_ACTIONS = ['withdraw', 'renew', 'register_intent'] as const;
export const ListingView = z.object({
  ...TradeBase,
  kind: z.literal('listing'),
  status: z.enum(LISTING_STATUSES),
  basePriceFen: z.number(),
  listingDays: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  renewals: z.number(),
  /** Intents registered (pending or qualified); who they are is for the listing's owner and staff. */
  intentCount: z.number(),
  qualifiedCount: z.number(),
  /** The auction the listing converted into, when several qualified buyers came. */
  auctionId: z.string().nullable(),
  /** The caller's organisation's intent, if any. */
  myIntent: IntentView.nullable(),
  /** Every intent with the buyer: the listing's owner and staff (null otherwise). */
  intents: z.array(IntentView).nullable(),
  actions: z.array(z.enum(LISTING_ACTIONS)),
});
export type ListingView = z.infer<typeof ListingView>;

export const REGISTRATION_ACTIONS = ['qualify', 'reject', 'confirm_deposit', 'confirm_refund', 'withdraw'] as const;
export const RegistrationView = z.object({
  id: z.string(),
  auctionId: z.string(),
  /** 竞买人编号: the only way a bidder is shown to anyone but staff and itself. */
  bidderNumber: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  depositStatus: z.enum(DEPOSIT_STATUSES),
  depositFen: z.number(),
  depositReference: z.string().nullable(),
  /** May this registration bid right now (qualified, deposit confirmed)? Time is checked separately. */
  eligible: z.boolean(),
  isWinner: z.boolean(),
  /** Shown to the bidder itself and to staff; null for others. */
  bidder: OrgRef.nullable(),
  qualification: z.string().nullable(),
  reviewReason: z.string().nullable(),
  /** The 竞买须知 version accepted and when (null for bidders carried over from a listing's intents). */
  termsVersion: z.string().nullable(),
  termsAcceptedAt: z.string().nullable(),
  createdAt: z.string(),
  auction: z.object({ id: z.string(), title: z.string(), status: z.enum(AUCTION_STATUSES), startsAt: z.string(), endsAt: z.string() }),
  actions: z.array(z.enum(REGISTRATION_ACTIONS)),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const BidView = z.object({
  /** 1, 2, 3… per auction, in the order the database accepted them. */
  seq: z.number(),
  amountFen: z.number(),
  bidderNumber: z.string(),
  placedAt: z.string(),
  /** The auction's end after this bid (moved by soft close when `extended`). */
  endsAtAfter: z.string(),
  extended: z.boolean(),
});
export type BidView = z.infer<typeof BidView>;

/** The live state of an auction: what a bidder's screen needs, and nothing confidential. */
export const AuctionLiveState = z.object({
  auctionId: z.string(),
  status: z.enum(AUCTION_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  originalEndsAt: z.string(),
  serverTime: z.string(),
  startingPriceFen: z.number(),
  incrementFen: z.number(),
  /** Highest accepted bid, null before the first. */
  currentPriceFen: z.number().nullable(),
  leaderNumber: z.string().nullable(),
  bidCount: z.number(),
  /** The least the next bid may be: the starting price, then current price + increment. */
  minimumBidFen: z.number(),
  /** Set once the auction is sold. */
  winnerNumber: z.string().nullable(),
  /** Sequence number of the last accepted bid (0 before the first). */
  lastSeq: z.number(),
});
export type AuctionLiveState = z.infer<typeof AuctionLiveState>;

/** The state plus the newest bids (up to 50, newest first): the first SSE message and GET …/live. */
export const AuctionSnapshot = AuctionLiveState.extend({ history: z.array(BidView) });
export type AuctionSnapshot = z.infer<typeof AuctionSnapshot>;

export const AUCTION_ACTIONS = ['cancel', 'register', 'bid', 'withdraw_registration'] as const;
export const AuctionView = z.object({
  ...TradeBase,
  ...AuctionLiveState.omit({ auctionId: true }).shape,
  kind: z.literal('auction'),
  listingId: z.string().nullable(),
  /** Whether a confidential reserve price exists; the amount is never sent. */
  hasReserve: z.boolean(),
  depositPercent: z.number(),
  depositFen: z.number(),
  announcedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Final price when sold. */
  finalPriceFen: z.number().nullable(),
  /** Registrations qualified to bid (count only). */
  qualifiedBidders: z.number(),
  bidderTerms: BidderTerms,
  myRegistration: RegistrationView.nullable(),
  actions: z.array(z.enum(AUCTION_ACTIONS)),
});
export type AuctionView = z.infer<typeof AuctionView>;

export const BidResult = z.object({
  bid: BidView,
  state: AuctionLiveState,
  /** True when this answer is the stored result of an earlier request with the same Idempotency-Key. */
  replayed: z.boolean(),
});
export type BidResult = z.infer<typeof BidResult>;

export const BidPage = z.object({ items: z.array(BidView), total: z.number() });
export type BidPage = z.infer<typeof BidPage>;

// Server-sent events on GET /api/trading/auctions/:id/events. Each message is `event: <name>` and
// `data: <json>`; bid messages carry `id: <seq>`. A (re)connect always starts with a snapshot, so a
// client that lost its connection catches up by reconnecting (EventSource does this itself).
export const AuctionBidEvent = z.object({ auctionId: z.string(), bid: BidView, state: AuctionLiveState });
export const AuctionExtendedEvent = z.object({
  auctionId: z.string(),
  previousEndsAt: z.string(),
  endsAt: z.string(),
  bySeq: z.number(),
  serverTime: z.string(),
});
export const AuctionClosedEvent = z.object({ auctionId: z.string(), state: AuctionLiveState });
export const HeartbeatEvent = z.object({ serverTime: z.string() });
export const AUCTION_EVENT_NAMES = ['snapshot', 'bid', 'extended', 'closed', 'heartbeat'] as const;
export type AuctionEventName = (typeof AUCTION_EVENT_NAMES)[number];
export type AuctionEvent =
  | { event: 'snapshot'; data: AuctionSnapshot }
  | { event: 'bid'; data: z.infer<typeof AuctionBidEvent> }
  | { event: 'extended'; data: z.infer<typeof AuctionExtendedEvent> }
  | { event: 'closed'; data: z.infer<typeof AuctionClosedEvent> }
  | { event: 'heartbeat'; data: z.infer<typeof HeartbeatEvent> };

export const OBJECTION_ACTIONS = ['answer', 'resolve'] as const;
export const ObjectionView = z.object({
  id: z.string(),
  noticeId: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  grounds: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  decision: z.enum(['upheld', 'dismissed']).nullable(),
  resolutionReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  filedAt: z.string(),
  /** Who objected: officials, staff and the objector only (null for others, the owner included). */
  objector: z.object({ name: z.string(), organization: OrgRef.nullable() }).nullable(),
  mine: z.boolean(),
  notice: z.object({ id: z.string(), title: z.string(), status: z.enum(NOTICE_STATUSES), endsAt: z.string() }),
  actions: z.array(z.enum(OBJECTION_ACTIONS)),
});
export type ObjectionView = z.infer<typeof ObjectionView>;

export const NOTICE_ACTIONS = ['withdraw', 'object'] as const;
export const NoticeView = z.object({
  ...TradeBase,
  kind: z.literal('notice'),
  status: z.enum(NOTICE_STATUSES),
  buyer: OrgRef,
  priceFen: z.number(),
  summary: z.string(),
  /** Flagged on the notice: the owner declared it, or the platform found a link (reasons say which). */
  relatedParty: z.boolean(),
  relatedPartyReasons: z.array(z.string()),
  relationNote: z.string().nullable(),
  postedAt: z.string(),
  /** 24:00 Beijing time of the last notice day (parameters.noticeDays after the posting day). */
  endsAt: z.string(),
  noticeDays: z.number(),
  openObjections: z.number(),
  objections: z.array(ObjectionView),
  actions: z.array(z.enum(NOTICE_ACTIONS)),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const DEAL_ACTIONS = ['confirm_payment', 'withdraw', 'dossier', 'apply_contract'] as const;
export const DealView = z.object({
  id: z.string(),
  route: z.enum(TRADE_ROUTES),
  status: z.enum(DEAL_STATUSES),
  achievement: AchievementRef,
  seller: OrgRef,
  buyer: OrgRef,
  priceFen: z.number(),
  /** The auction deposit counted towards the price. */
  depositAppliedFen: z.number(),
  /** What the buyer still pays: price − applied deposit. */
  amountDueFen: z.number(),
  transferMode: z.enum(TRANSFER_MODES),
  listingId: z.string().nullable(),
  auctionId: z.string().nullable(),
  noticeId: z.string().nullable(),
  /** Parties and staff only (null for others). */
  paymentReference: z.string().nullable(),
  paymentConfirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(DEAL_ACTIONS)),
});
export type DealView = z.infer<typeof DealView>;

export const ListingPage = z.object({ items: z.array(ListingView), total: z.number() });
export type ListingPage = z.infer<typeof ListingPage>;
export const AuctionPage = z.object({ items: z.array(AuctionView), total: z.number() });
export type AuctionPage = z.infer<typeof AuctionPage>;
export const NoticePage = z.object({ items: z.array(NoticeView), total: z.number() });
export type NoticePage = z.infer<typeof NoticePage>;
export const ObjectionPage = z.object({ items: z.array(ObjectionView), total: z.number() });
export type ObjectionPage = z.infer<typeof ObjectionPage>;
export const DealPage = z.object({ items: z.array(DealView), total: z.number() });
export type DealPage = z.infer<typeof DealPage>;

export const HallView = z.object({
  listings: z.array(ListingView),
  liveAuctions: z.array(AuctionView),
  upcomingAuctions: z.array(AuctionView),
  notices: z.array(NoticeView),
  recentDeals: z.array(DealView),
  serverTime: z.string(),
});
export type HallView = z.infer<typeof HallView>;

/** The caller's workspace: what its organisations sell and buy, and what waits for it. */
export const MyTradingView = z.object({
  listings: z.array(ListingView),
  auctions: z.array(AuctionView),
  notices: z.array(NoticeView),
  intents: z.array(IntentView),
  registrations: z.array(RegistrationView),
  deals: z.array(DealView),
  /** Objections to the caller's notices still waiting for an answer or a resolution. */
  objectionsToAnswer: z.array(ObjectionView),
  myObjections: z.array(ObjectionView),
  serverTime: z.string(),
});
export type MyTradingView = z.infer<typeof MyTradingView>;

export const StaffDeskView = z.object({
  intentsToQualify: z.array(IntentView),
  registrationsToQualify: z.array(RegistrationView),
  depositsToConfirm: z.array(RegistrationView),
  refundsDue: z.array(RegistrationView),
  paymentsDue: z.array(DealView),
  serverTime: z.string(),
});
export type StaffDeskView = z.infer<typeof StaffDeskView>;

export const CounterpartyView = z.object({ id: z.string(), name: z.string(), type: z.string(), regionName: z.string() });
export const CounterpartyPage = z.object({ items: z.array(CounterpartyView) });
export type CounterpartyView = z.infer<typeof CounterpartyView>;

export const ParameterView = z.object({ value: z.number(), unit: z.string(), source: z.string() });
export const TradingParametersView = z.object({
  auctionAnnounceDays: ParameterView,
  depositPercentMin: ParameterView,
  depositPercentMax: ParameterView,
  softCloseWindowMinutes: ParameterView,
  softCloseExtensionMinutes: ParameterView,
  minBiddingMinutes: ParameterView,
  noticeDays: ParameterView,
  listingDaysMin: ParameterView,
  listingDaysMax: ParameterView,
});
export type TradingParametersView = z.infer<typeof TradingParametersView>;

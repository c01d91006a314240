import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { fen, ts } from '../../db/columns.js';
import { achievements, technicalFields } from '../catalog/schema.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';

/**
 * Trading (C4): listings, auctions with their registrations and bids, agreement notices with their
 * objections, and the deals all three end in. Each trade row keeps a snapshot of the achievement as
 * it was posted (title, summary, field): what was announced is what the dossier shows.
 */

export interface PricingBasisData {
  method: 'appraisal' | 'evaluation' | 'negotiation' | 'market';
  appraiser?: string;
  appraisedValueFen?: number;
  reportNumber?: string;
  reportDate?: string;
  note?: string;
}
export interface ApprovalData {
  body: string;
  decision: string;
  decidedOn: string;
  reference?: string;
}

/** Columns every trade (listing, auction, notice) shares: the achievement snapshot and the dossier inputs. */
const tradeColumns = () => ({
  id: uuid('id').primaryKey(),
  achievementId: uuid('achievement_id')
    .notNull()
    .references(() => achievements.id),
  /** The seller: the achievement's owning organisation. */
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 })
    .notNull()
    .references(() => regions.code),
  status: varchar('status', { length: 24 }).notNull(),
  title: text('title').notNull(),
  achievementSummary: text('achievement_summary').notNull(),
  fieldCode: varchar('field_code', { length: 32 })
    .notNull()
    .references(() => technicalFields.code),
  transferMode: varchar('transfer_mode', { length: 32 }).notNull(),
  description: text('description'),
  pricingBasis: jsonb('pricing_basis').$type<PricingBasisData | null>(),
  approvals: jsonb('approvals')
    .$type<ApprovalData[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  dealId: uuid('deal_id'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 挂牌: a base price and a listing period; buyers register intent. */
export const tradeListings = pgTable(
  'trade_listings',
  {
    ...tradeColumns(),
    basePriceFen: fen('base_price_fen').notNull(),
    listingDays: integer('listing_days').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    renewals: integer('renewals').notNull().default(0),
    /** The auction the listing converted into (several qualified buyers). */
    auctionId: uuid('auction_id'),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('trade_listings_status_idx').on(t.status, t.endsAt),
    index('trade_listings_org_idx').on(t.organizationId, t.createdAt),
    index('trade_listings_achievement_idx').on(t.achievementId),
  ],
);

/** 意向受让: a buyer's intent with its offer and qualification statement, qualified by staff. */
export const tradeListingIntents = pgTable(
  'trade_listing_intents',
  {
    id: uuid('id').primaryKey(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => tradeListings.id),
    buyerOrganizationId: uuid('buyer_organization_id')
      .notNull()
      .references(() => organizations.id),
    status: varchar('status', { length: 16 }).notNull(),
    offerFen: fen('offer_fen').notNull(),
    qualification: text('qualification').notNull(),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('trade_listing_intents_listing_idx').on(t.listingId, t.status),
    index('trade_listing_intents_buyer_idx').on(t.buyerOrganizationId, t.createdAt),
    index('trade_listing_intents_status_idx').on(t.status, t.createdAt),
    // One live intent per organisation and listing.
    uniqueIndex('trade_listing_intents_live_key')
      .on(t.listingId, t.buyerOrganizationId)
      .where(sql`status IN ('pending', 'qualified')`),
  ],
);

/**
 * 拍卖. `status` is what is stored (scheduled, sold, failed, cancelled, defaulted); upcoming / live /
 * ended are read from the clock against starts_at and ends_at. The bid path updates this row under
 * its row lock: current price, leader and end time move together with the bid insert.
 */
export const tradeAuctions = pgTable(
  'trade_auctions',
  {
    ...tradeColumns(),
    listingId: uuid('listing_id').references(() => tradeListings.id),
    startingPriceFen: fen('starting_price_fen').notNull(),
    incrementFen: fen('increment_fen').notNull(),
    /** Confidential: read only by the closing job, never presented. */
    reservePriceFen: fen('reserve_price_fen'),
    depositPercent: integer('deposit_percent').notNull(),
    depositFen: fen('deposit_fen').notNull(),
    announcedAt: ts('announced_at').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    originalEndsAt: ts('original_ends_at').notNull(),
    currentPriceFen: fen('current_price_fen'),
    leaderRegistrationId: uuid('leader_registration_id'),
    leaderNumber: varchar('leader_number', { length: 16 }),
    bidCount: integer('bid_count').notNull().default(0),
    lastBidAt: ts('last_bid_at'),
    winnerRegistrationId: uuid('winner_registration_id'),
    winnerNumber: varchar('winner_number', { length: 16 }),
    finalPriceFen: fen('final_price_fen'),
    /** no_bids | below_reserve | cancelled | winner_withdrew */
    closeReason: varchar('close_reason', { length: 24 }),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('trade_auctions_status_idx').on(t.status, t.endsAt),
    index('trade_auctions_starts_idx').on(t.status, t.startsAt),
    index('trade_auctions_org_idx').on(t.organizationId, t.createdAt),
    index('trade_auctions_achievement_idx').on(t.achievementId),
  ],
);

/** 竞买登记: a bidder organisation's registration, its 竞买人编号, qualification and deposit. */
export const tradeAuctionRegistrations = pgTable(
  'trade_auction_registrations',
  {
    id: uuid('id').primaryKey(),
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => tradeAuctions.id),
    bidderOrganizationId: uuid('bidder_organization_id')
      .notNull()
      .references(() => organizations.id),
    bidderNumber: varchar('bidder_number', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    depositStatus: varchar('deposit_status', { length: 16 }).notNull(),
    depositFen: fen('deposit_fen').notNull(),
    depositReference: text('deposit_reference'),
    depositConfirmedBy: uuid('deposit_confirmed_by').references(() => users.id),
    depositConfirmedAt: ts('deposit_confirmed_at'),
    refundReference: text('refund_reference'),
    refundedAt: ts('refunded_at'),
    qualification: text('qualification').notNull(),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    /** The 竞买须知 version the bidder accepted (bidder-terms.ts) and when; null for bidders carried over from a listing. */
    termsVersion: varchar('terms_version', { length: 32 }),
    termsAcceptedAt: ts('terms_accepted_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trade_registrations_number_key').on(t.auctionId, t.bidderNumber),
    uniqueIndex('trade_registrations_live_key')
      .on(t.auctionId, t.bidderOrganizationId)
      .where(sql`status IN ('pending', 'qualified')`),
    index('trade_registrations_bidder_idx').on(t.bidderOrganizationId, t.createdAt),
    index('trade_registrations_status_idx').on(t.status, t.depositStatus),
  ],
);

/** Accepted bids only (a refused attempt changes nothing), numbered per auction in acceptance order. */
export const tradeBids = pgTable(
  'trade_bids',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => tradeAuctions.id),
    seq: integer('seq').notNull(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => tradeAuctionRegistrations.id),
    bidderNumber: varchar('bidder_number', { length: 16 }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    placedAt: ts('placed_at').notNull(),
    endsAtAfter: ts('ends_at_after').notNull(),
    extended: boolean('extended').notNull(),
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.auctionId, t.seq] }), index('trade_bids_registration_idx').on(t.registrationId)],
);

/**
 * Idempotency keys of bid requests: the first result for (user, key) is stored — an accepted bid in
 * its own transaction, a refusal right after — and a retry is answered with it.
 */
export const tradeIdempotencyKeys = pgTable(
  'trade_idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: varchar('key', { length: 100 }).notNull(),
    /** What the key was used for (`bid:<auction id>:<amount>`): another request under the same key is refused. */
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('trade_idempotency_keys_created_idx').on(t.createdAt)],
);

/** 协议定价公示: an agreed price posted for public notice before the deal stands. */
export const tradeAgreementNotices = pgTable(
  'trade_agreement_notices',
  {
    ...tradeColumns(),
    buyerOrganizationId: uuid('buyer_organization_id')
      .notNull()
      .references(() => organizations.id),
    priceFen: fen('price_fen').notNull(),
    summary: text('summary').notNull(),
    relatedParty: boolean('related_party').notNull(),
    relatedPartyReasons: text('related_party_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    relationNote: text('relation_note'),
    postedAt: ts('posted_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    noticeDays: integer('notice_days').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('trade_notices_status_idx').on(t.status, t.endsAt),
    index('trade_notices_org_idx').on(t.organizationId, t.createdAt),
    index('trade_notices_buyer_idx').on(t.buyerOrganizationId),
  ],
);

/** 异议 to a notice: grounds, the owner's answer, an official's resolution. */
export const tradeObjections = pgTable(
  'trade_objections',
  {
    id: uuid('id').primaryKey(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => tradeAgreementNotices.id),
    status: varchar('status', { length: 16 }).notNull(),
    grounds: text('grounds').notNull(),
    objectorUserId: uuid('objector_user_id')
      .notNull()
      .references(() => users.id),
    objectorOrganizationId: uuid('objector_organization_id').references(() => organizations.id),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
    decision: varchar('decision', { length: 16 }),
    resolutionReason: text('resolution_reason'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: ts('resolved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('trade_objections_notice_idx').on(t.noticeId, t.status),
    index('trade_objections_objector_idx').on(t.objectorUserId, t.createdAt),
  ],
);

/** 成交: what every route ends in. One deal per listing, auction or notice (unique indexes). */
export const tradeDeals = pgTable(
  'trade_deals',
  {
    id: uuid('id').primaryKey(),
    route: varchar('route', { length: 16 }).notNull(),
    status: varchar('status', { length: 24 }).notNull(),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => achievements.id),
    sellerOrganizationId: uuid('seller_organization_id')
      .notNull()
      .references(() => organizations.id),
    buyerOrganizationId: uuid('buyer_organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    achievementSummary: text('achievement_summary').notNull(),
    fieldCode: varchar('field_code', { length: 32 })
      .notNull()
      .references(() => technicalFields.code),
    priceFen: fen('price_fen').notNull(),
    depositAppliedFen: fen('deposit_applied_fen').notNull().default(0),
    transferMode: varchar('transfer_mode', { length: 32 }).notNull(),
    listingId: uuid('listing_id').references(() => tradeListings.id),
    auctionId: uuid('auction_id').references(() => tradeAuctions.id),
    noticeId: uuid('notice_id').references(() => tradeAgreementNotices.id),
    paymentReference: text('payment_reference'),
    paymentConfirmedBy: uuid('payment_confirmed_by').references(() => users.id),
    paymentConfirmedAt: ts('payment_confirmed_at'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trade_deals_auction_key')
      .on(t.auctionId)
      .where(sql`auction_id IS NOT NULL`),
    uniqueIndex('trade_deals_notice_key')
      .on(t.noticeId)
      .where(sql`notice_id IS NOT NULL`),
    uniqueIndex('trade_deals_listing_key')
      .on(t.listingId)
      .where(sql`route = 'listing'`),
    index('trade_deals_seller_idx').on(t.sellerOrganizationId, t.createdAt),
    index('trade_deals_buyer_idx').on(t.buyerOrganizationId, t.createdAt),
    index('trade_deals_status_idx').on(t.status, t.createdAt),
  ],
);

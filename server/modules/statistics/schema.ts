import { bigint, date, index, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { fen, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { regions } from '../organizations/schema.js';

/**
 * Statistics (C6): one fact per certified contract, written by the contracts module through
 * server/modules/statistics/facts.ts, and small pre-aggregated rollups kept current in the same
 * transaction (server/modules/statistics/README.md explains the grain of each). Region paths are
 * materialised paths (`/120000/120116/`, `/110000/`, `/abroad/US/`, `/unknown/`) so a region's
 * subtree is a prefix. Money is integer fen.
 */
const measures = () => ({
  contracts: bigint('contracts', { mode: 'number' }).notNull().default(0),
  contractAmountFen: fen('contract_amount_fen').notNull().default(0),
  technologyTransactionAmountFen: fen('technology_transaction_amount_fen').notNull().default(0),
});

/** One row per certified (and not cancelled) contract, in its latest version. */
export const contractFacts = pgTable(
  'contract_facts',
  {
    contractId: uuid('contract_id').primaryKey(),
    registrationNumber: varchar('registration_number', { length: 32 }).notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    subtype: varchar('subtype', { length: 32 }),
    fieldCode: varchar('field_code', { length: 32 }),
    certifiedAt: ts('certified_at').notNull(),
    /** Certification year and month in Beijing time: the statistics period. */
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    contractAmountFen: fen('contract_amount_fen').notNull(),
    technologyTransactionAmountFen: fen('technology_transaction_amount_fen').notNull(),
    sellerOrganizationId: uuid('seller_organization_id'),
    sellerName: text('seller_name').notNull(),
    sellerOrganizationType: varchar('seller_organization_type', { length: 32 }).notNull(),
    sellerRegionCode: varchar('seller_region_code', { length: 12 }),
    sellerCountry: varchar('seller_country', { length: 2 }).notNull(),
    sellerRegionPath: text('seller_region_path').notNull(),
    buyerOrganizationId: uuid('buyer_organization_id'),
    buyerName: text('buyer_name').notNull(),
    buyerOrganizationType: varchar('buyer_organization_type', { length: 32 }).notNull(),
    buyerRegionCode: varchar('buyer_region_code', { length: 12 }),
    buyerCountry: varchar('buyer_country', { length: 2 }).notNull(),
    buyerRegionPath: text('buyer_region_path').notNull(),
    registrationOrganizationId: uuid('registration_organization_id'),
    brokerUserId: uuid('broker_user_id'),
    brokerName: text('broker_name'),
    intermediaryOrganizationId: uuid('intermediary_organization_id'),
    dealId: uuid('deal_id'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('contract_facts_period_idx').on(t.year, t.month)],
);

/** Per side, party region, year: overview, yearly trend, the region map and drill-down, target progress. */
export const statsYearly = pgTable(
  'stats_yearly',
  {
    side: varchar('side', { length: 10 }).notNull(),
    year: smallint('year').notNull(),
    regionPath: text('region_path').notNull(),
    ...measures(),
  },
  (t) => [primaryKey({ columns: [t.side, t.year, t.regionPath] })],
);

/** Per side, year, month, party region, type and subtype ('' when none): monthly trend, type breakdowns, month filters. */
export const statsMonthly = pgTable(
  'stats_monthly',
  {
    side: varchar('side', { length: 10 }).notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    regionPath: text('region_path').notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    subtype: varchar('subtype', { length: 32 }).notNull(),
    ...measures(),
  },
  (t) => [primaryKey({ columns: [t.side, t.year, t.month, t.regionPath, t.type, t.subtype] })],
);

/** Per side, year, party region and one more dimension (`field`, `organization_type`): the yearly breakdowns. */
export const statsDimensions = pgTable(
  'stats_dimensions',
  {
    side: varchar('side', { length: 10 }).notNull(),
    year: smallint('year').notNull(),
    dimension: varchar('dimension', { length: 20 }).notNull(),
    regionPath: text('region_path').notNull(),
    key: varchar('key', { length: 64 }).notNull(),
    ...measures(),
  },
  (t) => [primaryKey({ columns: [t.side, t.year, t.dimension, t.regionPath, t.key] })],
);

/** Per year, seller region and buyer region: the flow charts. */
export const statsFlows = pgTable(
  'stats_flows',
  {
    year: smallint('year').notNull(),
    sellerPath: text('seller_path').notNull(),
    buyerPath: text('buyer_path').notNull(),
    ...measures(),
  },
  (t) => [primaryKey({ columns: [t.year, t.sellerPath, t.buyerPath] })],
);

/**
 * Per party and year, for the rankings and the drill-down's organisation level. `kind`
 * `organization`: the seller (output side) or the buyer (absorption side); `party_key` is the
 * organisation id, or `name:` + the name for a party without one; one row per party and year, placed
 * at the party's region (`region_path`, that of its latest contract). `kind` `broker`: the
 * contract's broker at the seller's (output) or buyer's (absorption) region; `party_key` is the
 * broker key (user id or `name:` + name) + `@` + the region path, so a broker has a row per region.
 * Ranking organisations is an index walk in amount order (stats_parties_rank_idx).
 */
export const statsParties = pgTable(
  'stats_parties',
  {
    kind: varchar('kind', { length: 16 }).notNull(),
    side: varchar('side', { length: 10 }).notNull(),
    year: smallint('year').notNull(),
    regionPath: text('region_path').notNull(),
    partyKey: text('party_key').notNull(),
    name: text('name').notNull(),
    organizationType: varchar('organization_type', { length: 32 }),
    ...measures(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.side, t.year, t.partyKey] }),
    index('stats_parties_rank_idx').on(t.kind, t.side, t.year, t.contractAmountFen.desc(), t.partyKey),
    index('stats_parties_region_idx').on(t.kind, t.side, t.year, t.regionPath),
  ],
);

/** Yearly targets set by government officers (C6): metric for a region, side and year. */
export const statsTargets = pgTable(
  'stats_targets',
  {
    id: uuid('id').primaryKey(),
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    side: varchar('side', { length: 10 }).notNull(),
    metric: varchar('metric', { length: 32 }).notNull(),
    /** Fen for amounts, a count for `contracts`. */
    value: bigint('value', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stats_targets_key').on(t.year, t.regionCode, t.side, t.metric)],
);

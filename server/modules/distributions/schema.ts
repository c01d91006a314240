import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { fen, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

export interface Receipt {
  receivedOn: string;
  amountFen: number;
  reference: string;
}
export interface CostItem {
  kind: 'patent_fee' | 'evaluation' | 'brokerage' | 'legal' | 'other';
  description: string;
  amountFen: number;
}
/** One inventor's line: the payout statement (amounts recomputed on every save, frozen once submitted). */
export interface ShareLine {
  id: string;
  name: string;
  userId: string | null;
  contributionBp: number;
  mainContributor: boolean;
  amountFen: number;
}

/**
 * An income distribution (收益分配) for one deal or registered contract of the organisation: what came
 * in, what was deducted, the team's share by rule and each inventor's part. Receipts, costs and lines
 * are the record's own parts, kept with it (jsonb).
 */
export const incomeDistributions = pgTable(
  'income_distributions',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** deal | contract: read through trading's getDeal / contracts' getContract, never their tables. */
    sourceKind: varchar('source_kind', { length: 16 }).notNull(),
    sourceId: uuid('source_id').notNull(),
    sourceTitle: text('source_title').notNull(),
    /** transfer | licence | equity | self_implementation */
    route: varchar('route', { length: 24 }).notNull(),
    profitYear: integer('profit_year'),
    implementationYears: integer('implementation_years'),
    achievementId: uuid('achievement_id'),
    /** The organisation's region when created (the rule's region walks up from it). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** draft | submitted | approved | paid | cancelled (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    receipts: jsonb('receipts').$type<Receipt[]>().notNull().default([]),
    costs: jsonb('costs').$type<CostItem[]>().notNull().default([]),
    lines: jsonb('lines').$type<ShareLine[]>().notNull().default([]),
    /** User ids of inventors with accounts (they see the distribution). */
    inventorUserIds: jsonb('inventor_user_ids').$type<string[]>().notNull().default([]),
    attachments: jsonb('attachments').$type<Array<{ name: string; url: string }>>().notNull().default([]),
    grossIncomeFen: fen('gross_income_fen').notNull(),
    costsFen: fen('costs_fen').notNull(),
    /** May be negative (costs above income): then the team share is 0. */
    netIncomeFen: fen('net_income_fen').notNull(),
    floorBp: integer('floor_bp').notNull(),
    floorSource: text('floor_source').notNull(),
    teamShareBp: integer('team_share_bp').notNull(),
    organizationRule: text('organization_rule'),
    mainContributorsMinBp: integer('main_contributors_min_bp'),
    teamShareFen: fen('team_share_fen').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: ts('approved_at'),
    paidAt: ts('paid_at'),
    paymentReference: text('payment_reference'),
    returnReason: text('return_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('income_distributions_org_idx').on(t.organizationId, t.createdAt),
    index('income_distributions_source_idx').on(t.sourceKind, t.sourceId),
  ],
);

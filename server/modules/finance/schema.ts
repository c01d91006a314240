import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { SmeInput } from '../../../common/sme.js';
import { fen, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * Finance (C11): investor profiles, financing requests with investors' interest and a thread per
 * interest, 科技型中小企业 self-assessments, IP-pledge loan applications.
 */

/** One per investor / financial_institution organisation. */
export const investorProfiles = pgTable('investor_profiles', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  /** common/api/finance.ts FINANCING_STAGES */
  stages: jsonb('stages').$type<string[]>().notNull(),
  /** equity | debt */
  instruments: jsonb('instruments').$type<string[]>().notNull(),
  ticketMinFen: fen('ticket_min_fen').notNull(),
  ticketMaxFen: fen('ticket_max_fen').notNull(),
  /** Technical field codes (catalog taxonomy, top level or finer; a prefix matches its subtree). */
  fieldCodes: jsonb('field_codes').$type<string[]>().notNull(),
  /** Region codes it invests in (prefix match); empty: anywhere. */
  regionCodes: jsonb('region_codes').$type<string[]>().notNull(),
  trlMin: integer('trl_min').notNull(),
  trlMax: integer('trl_max').notNull(),
  /** Only SME-qualified (科技型中小企业) companies, e.g. a bank's 科技贷 product. */
  smeOnly: boolean('sme_only').notNull().default(false),
  description: text('description').notNull(),
  published: boolean('published').notNull().default(true),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 融资需求 of an enterprise or an achievement owner. */
export const financingRequests = pgTable(
  'financing_requests',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    amountFen: fen('amount_fen').notNull(),
    use: text('use').notNull(),
    stage: varchar('stage', { length: 16 }).notNull(),
    /** equity | debt */
    instrument: varchar('instrument', { length: 8 }).notNull(),
    /** For equity: the share offered, in basis points of the company. */
    equityOfferedBp: integer('equity_offered_bp'),
    fieldCode: varchar('field_code', { length: 32 }).notNull(),
    trl: integer('trl').notNull(),
    /** Copied from the organisation. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The published achievement the money is for, if any (title copied). */
    achievementId: uuid('achievement_id'),
    achievementTitle: text('achievement_title'),
    /** open | funded | closed (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('financing_requests_status_idx').on(t.status, t.createdAt), index('financing_requests_org_idx').on(t.organizationId)],
);

/** An investor's expression of interest in a request; its thread is `financing_messages`. */
export const financingInterests = pgTable(
  'financing_interests',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => financingRequests.id, { onDelete: 'cascade' }),
    investorOrganizationId: uuid('investor_organization_id')
      .notNull()
      .references(() => organizations.id),
    amountFen: fen('amount_fen'),
    /** expressed | accepted | declined | withdrawn */
    status: varchar('status', { length: 16 }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('financing_interests_request_investor_key').on(t.requestId, t.investorOrganizationId)],
);

export const financingMessages = pgTable(
  'financing_messages',
  {
    id: uuid('id').primaryKey(),
    interestId: uuid('interest_id')
      .notNull()
      .references(() => financingInterests.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    /** requester | investor */
    side: varchar('side', { length: 16 }).notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('financing_messages_interest_idx').on(t.interestId, t.createdAt)],
);

/** 科技型中小企业 self-assessment: one per organisation and year (the year of the figures). */
export const smeAssessments = pgTable(
  'sme_assessments',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    input: jsonb('input').$type<SmeInput>().notNull(),
    staffScore: integer('staff_score').notNull(),
    rdScore: integer('rd_score').notNull(),
    ipScore: integer('ip_score').notNull(),
    total: integer('total').notNull(),
    sizeOk: boolean('size_ok').notNull(),
    /** score | direct | none */
    route: varchar('route', { length: 8 }).notNull(),
    qualified: boolean('qualified').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    assessedBy: uuid('assessed_by').references(() => users.id),
    assessedAt: ts('assessed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] }), index('sme_assessments_year_idx').on(t.year, t.qualified)],
);

export interface PledgedPatent {
  number: string; // normalised, common/patent-number.ts
  title: string;
  /** valid (有效) only may be pledged; pending / lapsed / invalidated are refused. */
  legalStatus: string;
  patentee: string;
}

/** 知识产权质押融资: an application to a bank, its decision, the pledge's registration, repayment and release. */
export const pledgeLoans = pgTable(
  'pledge_loans',
  {
    id: uuid('id').primaryKey(),
    applicantOrganizationId: uuid('applicant_organization_id')
      .notNull()
      .references(() => organizations.id),
    bankOrganizationId: uuid('bank_organization_id')
      .notNull()
      .references(() => organizations.id),
    amountFen: fen('amount_fen').notNull(),
    termMonths: integer('term_months').notNull(),
    purpose: text('purpose').notNull(),
    patents: jsonb('patents').$type<PledgedPatent[]>().notNull(),
    valuation: jsonb('valuation')
      .$type<{ valuer: string; valueFen: number; reportName: string; reportUrl: string; valuedOn: string }>()
      .notNull(),
    /** submitted | approved | declined | withdrawn | pledged | repaid | released (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    approvedFen: fen('approved_fen'),
    /** Annual rate in basis points. */
    rateBp: integer('rate_bp'),
    decisionNote: text('decision_note'),
    /** The pledge's registration (专利权质押登记): number, pledgor, pledgee, dates. */
    pledgeRegistrationNo: varchar('pledge_registration_no', { length: 64 }),
    pledgor: text('pledgor'),
    pledgee: text('pledgee'),
    pledgeRegisteredOn: date('pledge_registered_on', { mode: 'string' }),
    pledgeUntil: date('pledge_until', { mode: 'string' }),
    repaidOn: date('repaid_on', { mode: 'string' }),
    releasedOn: date('released_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('pledge_loans_applicant_idx').on(t.applicantOrganizationId),
    index('pledge_loans_bank_idx').on(t.bankOrganizationId, t.status),
  ],
);

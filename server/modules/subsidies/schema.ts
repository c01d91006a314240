import { boolean, date, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { RateSchedule, SubsidyLine } from '../../../common/subsidies.js';
import { fen, ts } from '../../db/columns.js';
import { contracts } from '../contracts/schema.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';

/**
 * Subsidy programmes paid on registered technology contracts (C11): the programme and its rules as
 * parameters with their sources, payment evidence for contracts, applications through the
 * district's check, expert panel (experts module), approval, public notice and payment.
 */
export const subsidyProgrammes = pgTable('subsidy_programmes', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  /** The programme's own document (文号), the source of every parameter unless `sources` names another. */
  documentNumber: text('document_number').notNull(),
  /** The region that runs it (city or district); its officers (and the city's) administer it. */
  regionCode: varchar('region_code', { length: 12 })
    .notNull()
    .references(() => regions.code),
  /** Contracts registered (certified, Beijing time) in this year count. */
  year: integer('year').notNull(),
  /** seller | buyer | institution | broker */
  applicantRoles: jsonb('applicant_roles').$type<string[]>().notNull(),
  /** common/contracts.ts CONTRACT_TYPES */
  contractTypes: jsonb('contract_types').$type<string[]>().notNull(),
  /** paid: Σ recorded payments (bank voucher + invoice), at most the technology transaction amount; registered: the registered amount. */
  basis: varchar('basis', { length: 16 }).notNull(),
  /** The buyer must be in this region's subtree (e.g. 120000: in the city); null: anywhere. */
  buyerRegionCode: varchar('buyer_region_code', { length: 12 }).references(() => regions.code),
  /** Licence contracts need a term of at least this many years; null: no condition. */
  minLicenceYears: integer('min_licence_years'),
  /** The applicant must hold a 科技型中小企业 self-assessment passed for the programme year. */
  requireSme: boolean('require_sme').notNull().default(false),
  schedule: jsonb('schedule').$type<RateSchedule>().notNull(),
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  noticeWorkingDays: integer('notice_working_days').notNull(),
  /** The size of the expert panel drawn when the formal check passes (experts/panels.ts openPanel). */
  minReviewers: integer('min_reviewers').notNull(),
  /** Parameter → its source where it is not `documentNumber` (e.g. `schedule`: 豫科〔2022〕…). */
  sources: jsonb('sources').$type<Record<string, string>>().notNull(),
  description: text('description').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Money actually paid on a registered contract, with its bank voucher (进账单) and invoice (发票). */
export const subsidyContractPayments = pgTable(
  'subsidy_contract_payments',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** The party that recorded it. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    amountFen: fen('amount_fen').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    bankVoucherNo: varchar('bank_voucher_no', { length: 64 }).notNull(),
    invoiceNo: varchar('invoice_no', { length: 64 }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('subsidy_contract_payments_contract_idx').on(t.contractId),
    uniqueIndex('subsidy_contract_payments_invoice_key').on(t.contractId, t.invoiceNo),
  ],
);

export const subsidyApplications = pgTable(
  'subsidy_applications',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => subsidyProgrammes.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Copied from the organisation: the district that checks it and the totals' grouping. */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    /** submitted | returned | in_review | reviewed | approved | rejected | noticed | paid | withdrawn (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    /** The computation at the last (re)submission. */
    contractIds: jsonb('contract_ids').$type<string[]>().notNull(),
    lines: jsonb('lines').$type<SubsidyLine[]>().notNull(),
    baseFen: fen('base_fen').notNull(),
    requestedFen: fen('requested_fen').notNull(),
    approvedFen: fen('approved_fen'),
    paidFen: fen('paid_fen'),
    note: text('note'),
    /** The officer's latest note (return, rejection). */
    officerNote: text('officer_note'),
    reviewMean: real('review_mean'),
    meetingOn: date('meeting_on', { mode: 'string' }),
    noticeFrom: date('notice_from', { mode: 'string' }),
    noticeUntil: date('notice_until', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paymentReference: varchar('payment_reference', { length: 64 }),
    submittedAt: ts('submitted_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('subsidy_applications_programme_idx').on(t.programmeId, t.status),
    index('subsidy_applications_org_idx').on(t.organizationId),
  ],
);

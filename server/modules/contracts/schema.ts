import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea, fen, ts } from '../../db/columns.js';
import { technicalFields, type IpAsset } from '../catalog/schema.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';

/**
 * Technology contracts (C5): applications for certification and registration (认定登记) and the
 * registered contracts. Shape (see server/modules/contracts/README.md):
 * - `contracts`: one row per contract, holding its CURRENT content, amounts, status and registration;
 *   the seller's and buyer's region/country are copied here from `contract_parties` for grouping.
 * - `contract_parties` (exactly one seller and one buyer, at most one intermediary),
 *   `contract_cost_items` (itemised non-technical costs), `contract_payments`, `contract_attachments`.
 * - `contract_versions`: an immutable snapshot at each certification, amendment and cancellation.
 * - `contract_registration_sequences`: the per-year, per-region counter behind registration numbers.
 * Money is integer fen (bigint); times UTC.
 */

export interface ExpertReview {
  experts: Array<{ name: string; title?: string; organization?: string }>;
  opinion: string;
  /** The experts' conclusion on whether it is a technology contract and on the amounts. */
  conclusion: 'supports' | 'supports_with_adjustment' | 'does_not_support';
  recordedAt: string;
  recordedBy: string | null;
  /** The review panel drawn from the expert pool (experts module) and its aggregated score; absent on older records. */
  panelId?: string;
  mean?: number;
}

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    /** The applicant (owning) organisation: the seller's, or the domestic buyer's for a technology import. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: varchar('status', { length: 16 }).notNull(),
    /** Content version: 1 until the first amendment after certification; each amendment adds one. */
    version: integer('version').notNull().default(1),
    /** application | import | historical | deal | demo */
    source: varchar('source', { length: 16 }).notNull().default('application'),

    type: varchar('type', { length: 16 }).notNull(),
    subtype: varchar('subtype', { length: 32 }),
    title: text('title').notNull(),
    /** 标的: the technology and what is delivered. */
    subject: text('subject').notNull(),
    fieldCode: varchar('field_code', { length: 32 }).references(() => technicalFields.code),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    ipInvolved: jsonb('ip_involved')
      .$type<IpAsset[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Related consulting/services are invoiced with the transfer/development price (VAT exemption). */
    relatedServicesInvoicedTogether: boolean('related_services_invoiced_together').notNull().default(false),

    // Copied from contract_parties on every write (for grouping without a join).
    sellerOrganizationId: uuid('seller_organization_id').references(() => organizations.id),
    sellerRegionCode: varchar('seller_region_code', { length: 12 }).references(() => regions.code),
    sellerCountry: varchar('seller_country', { length: 2 }).notNull().default('CN'),
    buyerOrganizationId: uuid('buyer_organization_id').references(() => organizations.id),
    buyerRegionCode: varchar('buyer_region_code', { length: 12 }).references(() => regions.code),
    buyerCountry: varchar('buyer_country', { length: 2 }).notNull().default('CN'),

    brokerUserId: uuid('broker_user_id').references(() => users.id),
    brokerName: text('broker_name'),
    /** The platform deal (trading module) the application was pre-filled from, if any. */
    dealId: uuid('deal_id'),

    /** Registration point: an organisation with registrars; its region gives the registration number's region code. */
    registrationOrganizationId: uuid('registration_organization_id')
      .notNull()
      .references(() => organizations.id),
    registrationRegionCode: varchar('registration_region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),

    contractAmountFen: fen('contract_amount_fen').notNull(),
    /** Σ deducted non-technical cost items. */
    nonTechnicalCostsFen: fen('non_technical_costs_fen').notNull().default(0),
    /** Σ technical-carrier items (itemised, not deducted). */
    technicalCarrierFen: fen('technical_carrier_fen').notNull().default(0),
    /** Registrar's adjustment (signed) of the computed amount, with its reason. */
    adjustmentFen: fen('adjustment_fen').notNull().default(0),
    adjustmentReason: text('adjustment_reason'),
    /** contract amount − non-technical costs + adjustment. */
    technologyTransactionAmountFen: fen('technology_transaction_amount_fen').notNull(),

    // Review.
    submittedAt: ts('submitted_at'),
    /** Close of the last working day the registrar has (null unless submitted). */
    deadlineAt: ts('deadline_at'),
    reviewWorkingDays: integer('review_working_days'),
    expertReviewRequired: boolean('expert_review_required').notNull().default(false),
    expertReview: jsonb('expert_review').$type<ExpertReview>(),
    /** The registrar's latest note to the applicant (return or refusal). */
    reviewNote: text('review_note'),
    refusalReason: varchar('refusal_reason', { length: 32 }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),

    // Registration.
    registrationNumber: varchar('registration_number', { length: 16 }),
    certifiedAt: ts('certified_at'),
    certifiedBy: uuid('certified_by').references(() => users.id),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),

    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contracts_registration_number_key').on(t.registrationNumber),
    index('contracts_org_idx').on(t.organizationId, t.createdAt),
    index('contracts_queue_idx').on(t.registrationOrganizationId, t.status, t.deadlineAt),
    index('contracts_certified_idx').on(t.status, t.certifiedAt),
    index('contracts_deal_idx').on(t.dealId),
  ],
);

/** The parties: exactly one seller and one buyer, at most one intermediary. A party abroad has a country and no region. */
export const contractParties = pgTable(
  'contract_parties',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 16 }).notNull(), // seller | buyer | intermediary
    name: text('name').notNull(),
    /** 统一社会信用代码; null for individuals and parties abroad. */
    creditCode: varchar('credit_code', { length: 18 }),
    /** The platform organisation, when the party is one. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** common/roles.ts ORGANIZATION_TYPES, or individual / other. */
    organizationType: varchar('organization_type', { length: 32 }).notNull(),
    /** GB/T 2260 region (district or province) for a party in China; null abroad. */
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    /** ISO 3166-1 alpha-2; CN for China. */
    country: varchar('country', { length: 2 }).notNull().default('CN'),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: varchar('contact_phone', { length: 32 }),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.role] }), index('contract_parties_org_idx').on(t.organizationId)],
);

/** Itemised non-technical costs; `technical_carrier` items are listed but not deducted. */
export const contractCostItems = pgTable(
  'contract_cost_items',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: varchar('kind', { length: 24 }).notNull(), // equipment | instrument | part | raw_material | technical_carrier
    description: text('description').notNull(),
    amountFen: fen('amount_fen').notNull(),
    note: text('note').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.position] })],
);

export const contractPayments = pgTable(
  'contract_payments',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    amountFen: fen('amount_fen').notNull(),
    /** What triggers the payment (签约后、验收后 …). */
    condition: text('condition').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.position] })],
);

/** The signed contract scan and other documents: uploaded bytes, or a link (bulk import). */
export const contractAttachments = pgTable(
  'contract_attachments',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 24 }).notNull(), // signed_contract | appendix | approval | other
    name: text('name').notNull(),
    contentType: varchar('content_type', { length: 100 }),
    sizeBytes: integer('size_bytes'),
    content: bytea('content'),
    url: text('url'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contract_attachments_contract_idx').on(t.contractId, t.createdAt)],
);

/** Snapshots: one per certification, amendment and cancellation; never updated. */
export const contractVersions = pgTable(
  'contract_versions',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    event: varchar('event', { length: 16 }).notNull(), // certified | amended | cancelled
    reason: text('reason'),
    registrationNumber: varchar('registration_number', { length: 16 }),
    contractAmountFen: fen('contract_amount_fen').notNull(),
    technologyTransactionAmountFen: fen('technology_transaction_amount_fen').notNull(),
    /** The contract as presented at that moment (content, parties, costs, payments, amounts). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.version] })],
);

/** Last sequence number issued per certification year and 6-digit region; the row is locked by the certifying transaction. */
export const contractRegistrationSequences = pgTable(
  'contract_registration_sequences',
  {
    year: integer('year').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    lastValue: integer('last_value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.regionCode] })],
);

/** Overrides of the registration parameters (common/contracts.ts CONTRACT_PARAMETER_DEFAULTS). */
export const contractParameters = pgTable('contract_parameters', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Deadline reminders sent to a registration point's registrars (contracts.deadline_reminders job):
 * one row per application, condition (`due_soon`: within 2 working days; `overdue`) and deadline, so
 * each is sent once; a resubmission's new deadline earns its own.
 */
export const contractDeadlineReminders = pgTable(
  'contract_deadline_reminders',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).notNull(), // due_soon | overdue
    deadlineAt: ts('deadline_at').notNull(),
    /** How many registrars were notified. */
    recipients: integer('recipients').notNull().default(0),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.kind, t.deadlineAt] })],
);

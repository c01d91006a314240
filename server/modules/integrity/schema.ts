import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';

/** Owned by the integrity module (C9): integrity records (诚信) with their appeal. */
export const integrityRecords = pgTable(
  'integrity_records',
  {
    id: uuid('id').primaryKey(),
    /** organization | person */
    partyKind: varchar('party_kind', { length: 16 }).notNull(),
    /** The party (organisation), or the organisation a person belongs to. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    personName: text('person_name'),
    /** Whose officers see it: the organisation's region, else the recording officer's. */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    misconduct: text('misconduct').notNull(),
    penaltyKind: varchar('penalty_kind', { length: 24 }).notNull(),
    penaltyDetail: text('penalty_detail').notNull().default(''),
    decidingBody: text('deciding_body').notNull(),
    legalBasis: varchar('legal_basis', { length: 32 }).notNull(),
    legalBasisDetail: text('legal_basis_detail').notNull().default(''),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    periodMonths: integer('period_months').notNull(),
    /** effectiveOn + periodMonths (exclusive): the penalty is in force before this Beijing date. */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** recorded | under_appeal | confirmed | revoked (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    appealReason: text('appeal_reason'),
    appealedAt: ts('appealed_at'),
    appealedBy: uuid('appealed_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** officer | annual_report */
    source: varchar('source', { length: 16 }).notNull(),
    /** For automatic entries: what caused it (an annual report's id), so it is made once. */
    sourceRef: text('source_ref'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('integrity_records_source_key')
      .on(t.source, t.sourceRef)
      .where(sql`source_ref IS NOT NULL`),
    index('integrity_records_org_idx').on(t.organizationId, t.endsOn),
    index('integrity_records_region_idx').on(t.regionCode, t.createdAt),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, date, index, numeric, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * The broker and manager registry (技术经纪人 / 技术经理人). A registry entry may be linked to a
 * platform account: contracts name brokers by account, so the track record follows the account.
 */
export const brokers = pgTable(
  'brokers',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    employingOrganizationId: uuid('employing_organization_id').references(() => organizations.id),
    /** active | suspended | withdrawn (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    specialties: text('specialties').notNull().default(''),
    bio: text('bio').notNull().default(''),
    phone: varchar('phone', { length: 32 }),
    email: text('email'),
    statusReason: text('status_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('brokers_user_key')
      .on(t.userId)
      .where(sql`user_id IS NOT NULL`),
    index('brokers_employer_idx').on(t.employingOrganizationId),
  ],
);

/** Training records (course, hours, syllabus module, certificate). */
export const brokerTrainings = pgTable(
  'broker_trainings',
  {
    id: uuid('id').primaryKey(),
    brokerId: uuid('broker_id')
      .notNull()
      .references(() => brokers.id, { onDelete: 'cascade' }),
    course: text('course').notNull(),
    /** public_knowledge | policy_regulation | practical_skills | capability_improvement */
    module: varchar('module', { length: 32 }).notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    certificateNumber: varchar('certificate_number', { length: 64 }),
    provider: text('provider'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('broker_trainings_broker_idx').on(t.brokerId, t.completedOn)],
);

/** Accreditations: a tier with a certificate number and an expiry; revocation is stored, expiry read from the date. */
export const brokerAccreditations = pgTable(
  'broker_accreditations',
  {
    id: uuid('id').primaryKey(),
    brokerId: uuid('broker_id')
      .notNull()
      .references(() => brokers.id, { onDelete: 'cascade' }),
    tier: varchar('tier', { length: 32 }).notNull(),
    certificateNumber: varchar('certificate_number', { length: 64 }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    issuer: text('issuer').notNull(),
    revoked: boolean('revoked').notNull().default(false),
    revokeReason: text('revoke_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('broker_accreditations_certificate_key').on(t.certificateNumber),
    index('broker_accreditations_broker_idx').on(t.brokerId),
  ],
);

/** Conflict-of-interest declarations, one per broker and contract (and its platform deal). */
export const brokerDeclarations = pgTable(
  'broker_declarations',
  {
    id: uuid('id').primaryKey(),
    brokerId: uuid('broker_id')
      .notNull()
      .references(() => brokers.id, { onDelete: 'cascade' }),
    /** The contracts module's contract (read through contracts/brokered.ts). */
    contractId: uuid('contract_id').notNull(),
    contractTitle: text('contract_title').notNull(),
    dealId: uuid('deal_id'),
    hasConflict: boolean('has_conflict').notNull(),
    relation: text('relation'),
    statement: text('statement').notNull(),
    declaredAt: ts('declared_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('broker_declarations_contract_key').on(t.brokerId, t.contractId)],
);

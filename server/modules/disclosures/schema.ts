import { date, index, integer, jsonb, pgTable, real, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * An invention disclosure (职务发明披露) by a researcher of the organisation. The non-confidential
 * part (title, summary, keywords) may reach the expert panel and the achievement; the confidential part is
 * for the organisation's TTO staff and the inventors only.
 */
export const inventionDisclosures = pgTable(
  'invention_disclosures',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    submitterUserId: uuid('submitter_user_id')
      .notNull()
      .references(() => users.id),
    /** draft | submitted | returned | assessing | decided | withdrawn (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    fieldCode: varchar('field_code', { length: 32 }).notNull(),
    trl: integer('trl').notNull(),
    confidentialDescription: text('confidential_description').notNull(),
    confidentialAttachments: jsonb('confidential_attachments').$type<Array<{ name: string; url: string }>>().notNull().default([]),
    conceptionOn: date('conception_on', { mode: 'string' }),
    firstWrittenOn: date('first_written_on', { mode: 'string' }),
    firstPublicDisclosureOn: date('first_public_disclosure_on', { mode: 'string' }),
    prototypeOn: date('prototype_on', { mode: 'string' }),
    firstOfferForSaleOn: date('first_offer_for_sale_on', { mode: 'string' }),
    publications: jsonb('publications')
      .$type<Array<{ title: string; venue: string; date: string; planned: boolean }>>()
      .notNull()
      .default([]),
    fundingSources: jsonb('funding_sources')
      .$type<Array<{ funder: string; programme?: string; grantNumber: string; publicFunding: boolean }>>()
      .notNull()
      .default([]),
    thirdPartyMaterials: jsonb('third_party_materials')
      .$type<Array<{ description: string; provider: string; agreement?: string }>>()
      .notNull()
      .default([]),
    /** When the disclosure was complete (submitted with every inventor's confirmation): starts the decision clock. */
    completedAt: ts('completed_at'),
    decisionDueAt: ts('decision_due_at'),
    reminderDueSoonAt: ts('reminder_due_soon_at'),
    reminderOverdueAt: ts('reminder_overdue_at'),
    returnReason: text('return_reason'),
    /** file_patent | know_how | license_assign | empower | release */
    decision: varchar('decision', { length: 16 }),
    decisionReason: text('decision_reason'),
    patent: jsonb('patent').$type<{ kind: string; number: string | null; title: string } | null>(),
    patentFiledOn: date('patent_filed_on', { mode: 'string' }),
    empowerment: jsonb('empowerment').$type<Record<string, unknown> | null>(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    /** The achievement (C1) the decided disclosure became. */
    achievementId: uuid('achievement_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('invention_disclosures_org_idx').on(t.organizationId, t.status),
    index('invention_disclosures_due_idx').on(t.decisionDueAt),
  ],
);

export const disclosureInventors = pgTable(
  'disclosure_inventors',
  {
    id: uuid('id').primaryKey(),
    disclosureId: uuid('disclosure_id')
      .notNull()
      .references(() => inventionDisclosures.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id').references(() => users.id),
    organizationName: text('organization_name').notNull(),
    /** Basis points (1 % = 100); the inventors' sum is exactly 10 000. */
    contributionBp: integer('contribution_bp').notNull(),
    confirmedAt: ts('confirmed_at'),
    /** Set when TTO staff recorded a confirmation given on paper (an inventor without an account). */
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id),
  },
  (t) => [index('disclosure_inventors_disclosure_idx').on(t.disclosureId, t.position), index('disclosure_inventors_user_idx').on(t.userId)],
);

/** One assessor's scores on the `disclosure_assessment` sheet. */
export const disclosureAssessments = pgTable(
  'disclosure_assessments',
  {
    id: uuid('id').primaryKey(),
    disclosureId: uuid('disclosure_id')
      .notNull()
      .references(() => inventionDisclosures.id, { onDelete: 'cascade' }),
    assessorUserId: uuid('assessor_user_id')
      .notNull()
      .references(() => users.id),
    /** manager: TTO staff (experts score through the shared engine's panel, experts/panels.ts) */
    role: varchar('role', { length: 16 }).notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: real('total').notNull(),
    recommendation: varchar('recommendation', { length: 16 }).notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('disclosure_assessments_disclosure_idx').on(t.disclosureId)],
);

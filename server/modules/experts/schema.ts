import { doublePrecision, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * The expert pool (专家库): one profile per expert. An expert drawn onto a panel scores on the platform,
 * so a profile that can be drawn has a user account (`userId`); a registry entry without one is listed
 * but never drawn.
 */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** 职称, e.g. 教授, 研究员, 正高级工程师 */
    title: text('title').notNull(),
    /** The expert's employer when it is on the platform (conflict rule: same organisation). */
    organizationId: uuid('organization_id').references(() => organizations.id),
    organizationName: text('organization_name').notNull(),
    /** Technical-field codes of the catalog's taxonomy (technical_fields.code). */
    fieldCodes: jsonb('field_codes').$type<string[]>().notNull().default([]),
    /** Research directions, free text (matched against demands). */
    keywords: text('keywords').notNull().default(''),
    bio: text('bio'),
    /** Contact details: staff only. */
    email: varchar('email', { length: 254 }),
    phone: varchar('phone', { length: 32 }),
    available: boolean('available').notNull().default(true),
    availabilityNote: text('availability_note'),
    /** Off the pool (retired, removed) but kept for the record of past panels. */
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('experts_user_key').on(t.userId), index('experts_organization_idx').on(t.organizationId)],
);

/**
 * What an expert declared or what is recorded about them that bars them from reviewing a party:
 * `relation` (亲属、师生、任职等 declared relation) or `coauthorship` (co-authored work in `year`).
 * The party is an organisation or a user on the platform; `partyName` says who for people reading it.
 */
export const expertRelations = pgTable(
  'expert_relations',
  {
    id: uuid('id').primaryKey(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    userId: uuid('user_id').references(() => users.id),
    partyName: text('party_name').notNull(),
    year: integer('year'),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('expert_relations_expert_idx').on(t.expertId)],
);

/** A review panel drawn for one subject (a round application, a proposal, a contract…) and scored on one sheet. */
export const reviewPanels = pgTable(
  'review_panels',
  {
    id: uuid('id').primaryKey(),
    /** What is reviewed, named by the owning module, e.g. `challenge_proposal`, `contract`. */
    subjectType: varchar('subject_type', { length: 48 }).notNull(),
    subjectId: varchar('subject_id', { length: 64 }).notNull(),
    subjectTitle: text('subject_title').notNull(),
    sheetKey: varchar('sheet_key', { length: 48 }).notNull(),
    size: integer('size').notNull(),
    fieldCode: varchar('field_code', { length: 32 }),
    excludeOrganizationIds: jsonb('exclude_organization_ids').$type<string[]>().notNull().default([]),
    excludeUserIds: jsonb('exclude_user_ids').$type<string[]>().notNull().default([]),
    dueAt: ts('due_at'),
    /** scoring | complete */
    status: varchar('status', { length: 16 }).notNull(),
    openedByUserId: uuid('opened_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('review_panels_subject_idx').on(t.subjectType, t.subjectId, t.createdAt)],
);

/** An expert's seat on a panel. assigned → scored, or assigned → conflict | declined (excused, replaced). */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: uuid('id').primaryKey(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => reviewPanels.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: varchar('status', { length: 16 }).notNull(),
    reason: text('reason'),
    /** The seat this member took over after a conflict or a refusal. */
    replacesMemberId: uuid('replaces_member_id'),
    drawnAt: ts('drawn_at').notNull(),
    excusedAt: ts('excused_at'),
  },
  (t) => [
    uniqueIndex('panel_members_panel_expert_key').on(t.panelId, t.expertId),
    index('panel_members_expert_idx').on(t.expertId, t.status),
    index('panel_members_user_idx').on(t.userId, t.status),
  ],
);

/** One expert's scores on the panel's sheet; final once submitted. */
export const panelScores = pgTable(
  'panel_scores',
  {
    id: uuid('id').primaryKey(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => reviewPanels.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => panelMembers.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: doublePrecision('total').notNull(),
    comment: text('comment'),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('panel_scores_member_key').on(t.memberId), index('panel_scores_panel_idx').on(t.panelId)],
);

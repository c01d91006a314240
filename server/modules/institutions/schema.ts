import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { CheckResult, Threshold } from '../../../common/api/institutions.js';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';
import type { Figures } from './rules.js';

/** A technology-transfer institution's profile (one per organisation of type transfer_institution). */
export const institutionProfiles = pgTable('institution_profiles', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  /** GB/T 34670-2017 service types (common/api/institutions.ts SERVICE_TYPES). */
  services: jsonb('services').$type<string[]>().notNull(),
  serviceDescription: text('service_description').notNull().default(''),
  foundedOn: date('founded_on', { mode: 'string' }).notNull(),
  fullTimeStaff: integer('full_time_staff').notNull(),
  totalStaff: integer('total_staff').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A yearly demonstration-institution round (示范机构认定), its thresholds and parameters as data. */
export const demonstrationRounds = pgTable(
  'demonstration_rounds',
  {
    id: uuid('id').primaryKey(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** open | reviewing | notice | final (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    applicationDeadline: date('application_deadline', { mode: 'string' }).notNull(),
    thresholds: jsonb('thresholds').$type<Threshold[]>().notNull(),
    passMark: numeric('pass_mark', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    /** Experts drawn for each application's panel. */
    panelSize: integer('panel_size').notNull(),
    noticeWorkingDays: integer('notice_working_days').notNull(),
    termYears: integer('term_years').notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    publishedAt: ts('published_at'),
    noticeEndsAt: ts('notice_ends_at'),
    finalisedAt: ts('finalised_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('demonstration_rounds_year_key').on(t.year)],
);

/** An institution's application to a round: prefilled figures, the threshold checks, the outcome. */
export const demonstrationApplications = pgTable(
  'demonstration_applications',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => demonstrationRounds.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** draft | submitted | ineligible | scoring | approved | not_approved | withdrawn */
    status: varchar('status', { length: 16 }).notNull(),
    declaredIncomeLastYearFen: numeric('declared_income_last_year_fen', { precision: 18, scale: 0, mode: 'number' }),
    declaredComplaintsLast2Years: integer('declared_complaints_last_2_years'),
    statement: text('statement').notNull().default(''),
    figures: jsonb('figures').$type<Figures>().notNull(),
    checks: jsonb('checks').$type<CheckResult[]>().notNull(),
    meanScore: numeric('mean_score', { precision: 6, scale: 2, mode: 'number' }),
    submittedAt: ts('submitted_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('demonstration_applications_round_org_key').on(t.roundId, t.organizationId)],
);

/** The demonstration title: held for a term, lost after consecutive failing yearly checks. */
export const demonstrationTitles = pgTable(
  'demonstration_titles',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => demonstrationRounds.id),
    /** held | lost | expired */
    status: varchar('status', { length: 16 }).notNull(),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    failingYears: integer('failing_years').notNull().default(0),
    /** Years already checked (so a round's finalisation counts a year once). */
    checkedYears: jsonb('checked_years').$type<number[]>().notNull().default([]),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('demonstration_titles_round_org_key').on(t.roundId, t.organizationId),
    index('demonstration_titles_org_idx').on(t.organizationId),
  ],
);

/** Alliances (联盟): groups of organisations with a lead. */
export const alliances = pgTable('alliances', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  foundedOn: date('founded_on', { mode: 'string' }).notNull(),
  leadOrganizationId: uuid('lead_organization_id')
    .notNull()
    .references(() => organizations.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const allianceMembers = pgTable(
  'alliance_members',
  {
    allianceId: uuid('alliance_id')
      .notNull()
      .references(() => alliances.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.organizationId] }), index('alliance_members_org_idx').on(t.organizationId)],
);

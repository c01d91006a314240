import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { AnnualFigures, ReportContent } from '../../../common/api/reports.js';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';

/**
 * Owned by the reports module (C9): annual transformation reports (one per organisation and year),
 * the reminders sent for them, and S&T reports (科技报告).
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The organisation's region when the report was opened (officers' scope). */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    /** The reported calendar year. */
    year: integer('year').notNull(),
    /** draft | submitted | returned | accepted (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    /** What the organisation fills in by hand (common/api/reports.ts ReportContent). */
    content: jsonb('content').$type<ReportContent>().notNull(),
    /** The prefilled figures as submitted; null while the figures are computed live. */
    figures: jsonb('figures').$type<AnnualFigures | null>(),
    windowOpensAt: ts('window_opens_at').notNull(),
    dueAt: ts('due_at').notNull(),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** First submitted after the due date. */
    late: boolean('late').notNull().default(false),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    returnReason: text('return_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reports_org_year_key').on(t.organizationId, t.year),
    index('annual_reports_region_idx').on(t.regionCode, t.year),
    index('annual_reports_status_idx').on(t.status, t.dueAt),
  ],
);

/** A reminder (or the overdue notice) sent for a report: claimed by insert, so it goes out once. */
export const annualReportReminders = pgTable(
  'annual_report_reminders',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id, { onDelete: 'cascade' }),
    /** `before_<days>` or `overdue` */
    kind: varchar('kind', { length: 16 }).notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.kind] })],
);

export const stReports = pgTable(
  'st_reports',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    /** organisation code - project number - sequence (common/reports.ts stReportNumber). */
    number: varchar('number', { length: 48 }).notNull(),
    projectNumber: varchar('project_number', { length: 32 }).notNull(),
    sequence: integer('sequence').notNull(),
    projectName: text('project_name').notNull(),
    fundingProgramme: text('funding_programme').notNull(),
    title: text('title').notNull(),
    abstract: text('abstract').notNull(),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** public | delayed */
    access: varchar('access', { length: 16 }).notNull(),
    /** A delayed report becomes public on this Beijing date. */
    releaseOn: date('release_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('st_reports_number_key').on(t.number),
    uniqueIndex('st_reports_project_seq_key').on(t.organizationId, t.projectNumber, t.sequence),
    index('st_reports_created_idx').on(t.createdAt),
  ],
);

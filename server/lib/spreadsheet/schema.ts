import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../../modules/identity/schema.js';
import { organizations } from '../../modules/organizations/schema.js';

/**
 * Bulk xlsx imports of every module (server/lib/spreadsheet): progress is read from here while a
 * file is processed, and the per-row error report stays after it fails. At most one import runs per
 * organisation (the partial unique index); one left `running` by a crash is failed at boot.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** What is imported: achievements | demands | contracts (the next modules add theirs). */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** The kind's import mode where it has several (contracts: applications | historical). */
    mode: varchar('mode', { length: 16 }),
    status: varchar('status', { length: 16 }).notNull(), // running | succeeded | failed
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    errors: jsonb('errors')
      .$type<Array<{ row: number; field: string; message: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    uniqueIndex('import_jobs_one_running_per_org')
      .on(t.organizationId)
      .where(sql`status = 'running'`),
    index('import_jobs_user_idx').on(t.userId, t.createdAt),
  ],
);

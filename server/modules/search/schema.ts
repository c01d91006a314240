import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

/** Synonym groups editable by admins (锂电池 ~ 锂离子电池): a query term expands to its whole group. */
export const synonymGroups = pgTable('synonym_groups', {
  id: uuid('id').primaryKey(),
  terms: text('terms').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

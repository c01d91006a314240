import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { bytea, fen, ts, tsvector } from '../../db/columns.js';

/** Synonym groups editable by admins (锂电池 ~ 锂离子电池): a query term expands to its whole group. */
export const synonymGroups = pgTable('synonym_groups', {
  id: uuid('id').primaryKey(),
  terms: text('terms').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

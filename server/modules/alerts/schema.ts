import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';

export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** achievements | demands | matches (matches of one record) */
    target: varchar('target', { length: 32 }).notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    /** none | instant | daily */
    notify: varchar('notify', { length: 8 }).notNull().default('instant'),
    /** Records published up to here have been considered. */
    checkedUntil: ts('checked_until').notNull().defaultNow(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    /** Set when an e-mail (instant or in the daily digest) carried it. */
    emailedAt: ts('emailed_at'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Newly published records whose matches have been announced to the owners of the records they
 * match (record-matches.ts): a record is claimed here once, in the transaction that notifies.
 */
export const recordMatchAnnouncements = pgTable('record_match_announcements', {
  recordId: uuid('record_id').primaryKey(),
  kind: varchar('kind', { length: 16 }).notNull(),
  notified: integer('notified').notNull(),
  announcedAt: ts('announced_at').notNull().defaultNow(),
});

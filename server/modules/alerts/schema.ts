import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
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
    /** Something the user must act on (the workspace's to-do list). */
    needsAction: boolean('needs_action').notNull().default(false),
    /** Written by notify(); the delivery job hands it to the channels the user's preference asks for. */
    pendingDelivery: boolean('pending_delivery').notNull().default(false),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.pendingDelivery}`),
  ],
);

/** How a user wants notifications beyond the bell; no row means the default (`instant`). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** instant | daily | off */
  email: varchar('email', { length: 8 }).notNull().default('instant'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

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

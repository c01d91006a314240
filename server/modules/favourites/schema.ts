import { index, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';

/**
 * Favourites (收藏) of achievements and demands, and follows (关注) of organisations: one row per
 * user and target. The target is referenced by kind and id (catalog or organisations own it); its
 * title is copied for the list so a withdrawn record still shows what it was.
 */
export const favourites = pgTable(
  'favourites',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** achievement | demand | organization */
    targetKind: varchar('target_kind', { length: 16 }).notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.targetKind, t.targetId] }), index('favourites_target_idx').on(t.targetKind, t.targetId)],
);

/**
 * Views of a record's or organisation's detail page: one row per viewer and UTC day, so refreshing
 * the page does not count again. `viewerKey` is a user id, or for anonymous visitors a salted hash of
 * the address — never shown to anyone; owners see only the count.
 */
export const recordViews = pgTable(
  'record_views',
  {
    targetKind: varchar('target_kind', { length: 16 }).notNull(),
    targetId: uuid('target_id').notNull(),
    viewerKey: varchar('viewer_key', { length: 80 }).notNull(),
    /** The UTC day, YYYY-MM-DD. */
    day: varchar('day', { length: 10 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.targetKind, t.targetId, t.viewerKey, t.day] })],
);

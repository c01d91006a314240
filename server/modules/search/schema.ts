import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';

/** Synonym groups editable by admins (锂电池 ~ 锂离子电池): a query term expands to its whole group. */
export const synonymGroups = pgTable('synonym_groups', {
  id: uuid('id').primaryKey(),
  terms: text('terms').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A user's own recent queries per record kind, newest first; the user may clear them. */
export const recentSearches = pgTable(
  'recent_searches',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).notNull(),
    query: text('query').notNull(),
    searchedAt: ts('searched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.query] }), index('recent_searches_user_idx').on(t.userId, t.kind, t.searchedAt)],
);

/**
 * Who searched what on which day (UTC), only for queries that returned results: one row per
 * searcher, query and day, so a searcher counts once a day however often they repeat a query.
 * `searcher` is a user id, or a hash of an anonymous visitor's address (no address is stored).
 */
export const searchQueryDays = pgTable(
  'search_query_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    query: text('query').notNull(),
    searcher: varchar('searcher', { length: 64 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind, t.query, t.searcher] }), index('search_query_days_kind_day_idx').on(t.kind, t.day)],
);

/**
 * Synonym and abbreviation candidates learned from the catalogue's keywords, waiting for an admin:
 * `pending` → `accepted` (merged into a synonym group) or `rejected` (never proposed again).
 */
export const synonymCandidates = pgTable(
  'synonym_candidates',
  {
    id: uuid('id').primaryKey(),
    /** The shorter (or first) term and the other, normalised; the pair is unique in either order. */
    termA: text('term_a').notNull(),
    termB: text('term_b').notNull(),
    source: varchar('source', { length: 16 }).notNull(),
    /** Why it was proposed: record counts, shared neighbours, similarity. */
    evidence: jsonb('evidence').notNull(),
    score: integer('score').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    groupId: uuid('group_id').references(() => synonymGroups.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('synonym_candidates_pair_key').on(t.termA, t.termB), index('synonym_candidates_status_idx').on(t.status, t.score)],
);

import { index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';

/** A news item (新闻动态) the platform operator publishes on the portal's home page. */
export const newsItems = pgTable(
  'news_items',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    /** platform | policy | market | event (common/api/news.ts) */
    category: varchar('category', { length: 16 }).notNull(),
    summary: text('summary'),
    body: text('body').notNull(),
    source: text('source'),
    /** published | withdrawn (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    withdrawnReason: text('withdrawn_reason'),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: ts('published_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('news_items_status_published_idx').on(t.status, t.publishedAt)],
);

import { and, count, desc, eq } from 'drizzle-orm';
import type { NewsCreateBody, NewsStatus } from '../../../common/api/news.js';
import type { Db } from '../../db/client.js';
import { can, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { NEWS_TRANSITION_TABLE, newsTransitionAllowed } from './lifecycle.js';
import { newsItems } from './schema.js';

/**
 * News items: the operator (`news:publish`) publishes and withdraws; anyone reads what is published.
 * A withdrawn item is a 404 for everyone but the operator.
 */
export type NewsRow = typeof newsItems.$inferSelect;

export async function listPublishedNews(opts: { db: Db; limit: number; offset: number }): Promise<{ rows: NewsRow[]; total: number }> {
  const where = eq(newsItems.status, 'published');
  const rows = await opts.db
    .select()
    .from(newsItems)
    .where(where)
    .orderBy(desc(newsItems.publishedAt), desc(newsItems.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await opts.db.select({ n: count() }).from(newsItems).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function getNewsItem(opts: { db: Db; actor: Actor; id: string }): Promise<NewsRow> {
  const [row] = await opts.db.select().from(newsItems).where(eq(newsItems.id, opts.id)).limit(1);
  if (!row || (row.status !== 'published' && !can(opts.actor, 'news:publish'))) throw AppError.notFound('News item');
  return row;
}

export async function publishNews(opts: { db: Db; actor: Actor; input: NewsCreateBody }): Promise<NewsRow> {
  requirePermission(opts.actor, 'news:publish');
  requireUser(opts.actor);
  const now = clock.now();
  const row: NewsRow = {
    id: newId(),
    title: opts.input.title,
    category: opts.input.category,
    summary: opts.input.summary || null,
    body: opts.input.body,
    source: opts.input.source || null,
    status: 'published',
    withdrawnReason: null,
    publishedBy: opts.actor.userId,
    publishedAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(newsItems).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'news.publish',
      entity: 'news_item',
      entityId: row.id,
      after: { title: row.title, category: row.category, status: row.status },
    });
  });
  return row;
}

export async function withdrawNews(opts: { db: Db; actor: Actor; id: string; reason: string }): Promise<NewsRow> {
  requirePermission(opts.actor, 'news:publish');
  return opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(newsItems).where(eq(newsItems.id, opts.id)).for('update');
    if (!row) throw AppError.notFound('News item');
    if (!newsTransitionAllowed(row.status as NewsStatus, 'withdraw'))
      throw AppError.conflict(`A ${row.status} news item cannot be withdrawn`);
    const to = NEWS_TRANSITION_TABLE.withdraw.to;
    const [updated] = await tx
      .update(newsItems)
      .set({ status: to, withdrawnReason: opts.reason, updatedAt: clock.now() })
      .where(and(eq(newsItems.id, row.id), eq(newsItems.status, row.status)))
      .returning();
    await writeAudit(tx, opts.actor, {
      action: 'news.withdraw',
      entity: 'news_item',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, withdrawnReason: opts.reason },
    });
    return updated!;
  });
}

import type { NewsCategory, NewsItemView, NewsStatus } from '../../../common/api/news.js';
import { can, type Actor } from '../../lib/actor.js';
import { newsTransitionAllowed } from './lifecycle.js';
import type { NewsRow } from './service.js';

export function presentNews(row: NewsRow, actor: Actor): NewsItemView {
  const status = row.status as NewsStatus;
  return {
    id: row.id,
    title: row.title,
    category: row.category as NewsCategory,
    summary: row.summary,
    body: row.body,
    source: row.source,
    status,
    publishedAt: row.publishedAt.toISOString(),
    withdrawnReason: can(actor, 'news:publish') ? row.withdrawnReason : null,
    actions: can(actor, 'news:publish') && newsTransitionAllowed(status, 'withdraw') ? ['withdraw'] : [],
  };
}

/**
 * News (新闻动态) on the portal: items the platform operator publishes and may withdraw.
 *
 *   GET  /api/news?limit=&offset=        public        NewsPage (published items, newest first)
 *   GET  /api/news/:id                   public        NewsItemView (published; 404 otherwise, staff see withdrawn too)
 *   POST /api/news                       news:publish  NewsCreateBody → 201 NewsItemView
 *   POST /api/news/:id/withdraw          news:publish  NewsWithdrawBody → NewsItemView
 */
import { z } from 'zod';

export const NEWS_STATUSES = ['published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = { published: '已发布', withdrawn: '已撤回' };

export const NEWS_CATEGORIES = ['platform', 'policy', 'market', 'event'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];
export const NEWS_CATEGORY_LABELS: Record<NewsCategory, { zh: string; en: string }> = {
  platform: { zh: '平台动态', en: 'Platform' },
  policy: { zh: '政策解读', en: 'Policy' },
  market: { zh: '市场快讯', en: 'Market' },
  event: { zh: '活动预告', en: 'Events' },
};

export const NewsCreateBody = z.object({
  title: z.string().trim().min(4, 'must be at least 4 characters').max(120, 'must be at most 120 characters'),
  category: z.enum(NEWS_CATEGORIES),
  summary: z.string().trim().max(300, 'must be at most 300 characters').optional(),
  body: z.string().trim().min(10, 'must be at least 10 characters').max(20_000, 'must be at most 20000 characters'),
  source: z.string().trim().max(100, 'must be at most 100 characters').optional(),
});
export type NewsCreateBody = z.infer<typeof NewsCreateBody>;

export const NewsWithdrawBody = z.object({
  reason: z.string().trim().min(2, 'must be at least 2 characters').max(500, 'must be at most 500 characters'),
});

export const NewsListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const NewsItemView = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.enum(NEWS_CATEGORIES),
  summary: z.string().nullable(),
  body: z.string(),
  source: z.string().nullable(),
  status: z.enum(NEWS_STATUSES),
  publishedAt: z.string(),
  withdrawnReason: z.string().nullable(),
  actions: z.array(z.enum(['withdraw'])),
});
export type NewsItemView = z.infer<typeof NewsItemView>;

export const NewsPage = z.object({ items: z.array(NewsItemView), total: z.number().int() });
export type NewsPage = z.infer<typeof NewsPage>;

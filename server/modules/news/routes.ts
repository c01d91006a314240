import { z } from 'zod';
import { NewsCreateBody, NewsItemView, NewsListQuery, NewsPage, NewsWithdrawBody } from '../../../common/api/news.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentNews } from './presenter.js';
import * as news from './service.js';

const tags = ['news'];
const Id = z.object({ id: z.uuid('must be an id') });

/** 新闻动态 (the route list is in common/api/news.ts). */
export const newsRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/news', {
    config: { access: 'public' },
    schema: { tags, summary: 'Published news items, newest first', querystring: NewsListQuery, response: { 200: NewsPage } },
    handler: async (req) => {
      const page = await news.listPublishedNews({ db, ...req.query });
      return { items: page.rows.map((r) => presentNews(r, req.actor)), total: page.total };
    },
  });

  app.get('/api/news/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One news item', params: Id, response: { 200: NewsItemView } },
    handler: async (req) => presentNews(await news.getNewsItem({ db, actor: req.actor, id: req.params.id }), req.actor),
  });

  app.post('/api/news', {
    config: { access: 'news:publish' },
    schema: { tags, summary: 'Publish a news item', body: NewsCreateBody, response: { 201: NewsItemView } },
    handler: async (req, reply) =>
      reply.status(201).send(presentNews(await news.publishNews({ db, actor: req.actor, input: req.body }), req.actor)),
  });

  app.post('/api/news/:id/withdraw', {
    config: { access: 'news:publish' },
    schema: { tags, summary: 'Withdraw a published news item', params: Id, body: NewsWithdrawBody, response: { 200: NewsItemView } },
    handler: async (req) =>
      presentNews(await news.withdrawNews({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }), req.actor),
  });
};

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DeliveryView, FeedQuery, JsonFeedView, SubscriptionBody, SubscriptionView, type WebhookEvent } from '../../../common/api/feeds.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { atomFeed, ATOM_TYPE, etagOf, JSON_FEED_TYPE, jsonFeed, notModified } from './format.js';
import { feedPage, FEED_KINDS, FEED_PATHS, SCHEMA_PATH } from './service.js';
import * as webhooks from './webhooks.js';

const tags = ['feeds'];
const Id = z.object({ id: z.uuid() });
const PROFILE_SCHEMA = readFileSync(new URL('./technology-profile.schema.json', import.meta.url), 'utf8');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const presentSubscription = (s: webhooks.SubscriptionRow, withSecret = false) => ({
  id: s.id,
  url: s.url,
  events: s.events as WebhookEvent[],
  description: s.description,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
  ...(withSecret ? { secret: s.secret } : {}),
});

export const feedRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, config } = app.ctx;

  for (const kind of FEED_KINDS) {
    const path = FEED_PATHS[kind];
    const filters =
      'Filters: `since` (changed at or after), `field` (technical-field code), `region` (GB/T 2260 subtree); `page` / `limit` with a next link. ' +
      'ETag on every answer; If-None-Match with it answers 304. Each item carries the exchange record (`_jinqiao`, schema at ' +
      `${SCHEMA_PATH}).`;

    app.get(`/api/feeds/${path}.json`, {
      config: { access: 'public' },
      schema: {
        tags,
        summary: `Published ${path} as JSON Feed 1.1 (application/feed+json), most recently changed first`,
        description: filters,
        querystring: FeedQuery,
        produces: ['application/feed+json'],
        response: { 200: JsonFeedView, 304: z.null().describe('Not modified (If-None-Match matched the ETag)') },
      },
      handler: async (req, reply) => {
        const { meta, entries } = await feedPage({ db, publicUrl: config.publicUrl, kind, ext: 'json', query: req.query });
        const body = JSON.stringify(jsonFeed(meta, entries));
        const etag = etagOf(body);
        reply.header('etag', etag).header('cache-control', 'public, max-age=60').header('vary', 'accept-encoding');
        if (notModified(req.headers['if-none-match'], etag)) return reply.status(304).send(null);
        return reply.type(JSON_FEED_TYPE).send(Buffer.from(body) as never);
      },
    });

    app.get(`/api/feeds/${path}.atom`, {
      config: { access: 'public' },
      schema: {
        tags,
        summary: `Published ${path} as an Atom feed (RFC 4287; next page as link rel="next", RFC 5005)`,
        description: filters,
        querystring: FeedQuery,
        produces: ['application/atom+xml'],
      },
      handler: async (req, reply) => {
        const { meta, entries } = await feedPage({ db, publicUrl: config.publicUrl, kind, ext: 'atom', query: req.query });
        const body = atomFeed(meta, entries);
        const etag = etagOf(body);
        reply.header('etag', etag).header('cache-control', 'public, max-age=60');
        if (notModified(req.headers['if-none-match'], etag)) return reply.status(304).send(null);
        return reply.type(ATOM_TYPE).send(Buffer.from(body));
      },
    });
  }

  app.get(SCHEMA_PATH, {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'JSON Schema of the exchange record (technology offer / request) mapped to 科技成果登记 and the EEN partnering profile',
      produces: ['application/schema+json'],
    },
    handler: async (_req, reply) =>
      reply
        .type('application/schema+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(Buffer.from(PROFILE_SCHEMA)),
  });

  app.post('/api/webhooks/subscriptions', {
    config: { access: 'feeds:webhooks' },
    schema: {
      tags,
      summary: 'Subscribe a URL to events (its signing secret is shown in this answer only)',
      body: SubscriptionBody,
      response: { 201: SubscriptionView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(presentSubscription(await webhooks.createSubscription({ db, actor: req.actor, input: req.body }), true)),
  });

  app.get('/api/webhooks/subscriptions', {
    config: { access: 'feeds:webhooks' },
    schema: { tags, summary: 'Webhook subscriptions', response: { 200: z.object({ items: z.array(SubscriptionView) }) } },
    handler: async (req) => ({ items: (await webhooks.listSubscriptions({ db, actor: req.actor })).map((s) => presentSubscription(s)) }),
  });

  app.delete('/api/webhooks/subscriptions/:id', {
    config: { access: 'feeds:webhooks' },
    schema: { tags, summary: 'Stop a subscription (its delivery log stays)', params: Id, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await webhooks.deactivateSubscription({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/webhooks/deliveries', {
    config: { access: 'feeds:webhooks' },
    schema: {
      tags,
      summary: 'The delivery log, newest first',
      querystring: z.object({ subscriptionId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(DeliveryView) }) },
    },
    handler: async (req) => ({
      items: (
        await webhooks.listDeliveries({ db, actor: req.actor, subscriptionId: req.query.subscriptionId, limit: req.query.limit })
      ).map((d) => ({
        id: d.id,
        subscriptionId: d.subscriptionId,
        event: d.event as WebhookEvent,
        entityId: d.entityId,
        status: d.status as 'pending' | 'delivered' | 'failed',
        attempts: d.attempts,
        nextAttemptAt: iso(d.nextAttemptAt),
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        deliveredAt: iso(d.deliveredAt),
        createdAt: d.createdAt.toISOString(),
      })),
    }),
  });
};

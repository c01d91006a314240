import { z } from 'zod';

/** Feeds other markets pull (C13): query and the JSON Feed 1.1 shape (for the OpenAPI document). */
export const FeedQuery = z.object({
  /** Records changed at or after this instant (ISO 8601 with offset). */
  since: z.iso.datetime({ offset: true }).optional(),
  /** A technical-field code (GET /api/technical-fields). */
  field: z.string().trim().max(32).optional(),
  /** A GB/T 2260 region code: records of organisations in its subtree. */
  region: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{2})?$/, 'must be a region code')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const JsonFeedView = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  next_url: z.string().optional(),
  description: z.string(),
  language: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      title: z.string(),
      content_text: z.string(),
      summary: z.string(),
      date_published: z.string().optional(),
      date_modified: z.string(),
      tags: z.array(z.string()),
      authors: z.array(z.object({ name: z.string() })),
      /** The exchange record: /api/feeds/schema/technology-profile.json */
      _jinqiao: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const WEBHOOK_EVENTS = ['record.published', 'deal.concluded', 'contract.certified'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const SubscriptionBody = z.object({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(500),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'choose at least one event'),
  description: z.string().trim().max(200).optional(),
});

export const SubscriptionView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  /** Shown once, when the subscription is created: the HMAC-SHA256 key of its signatures. */
  secret: z.string().optional(),
});

export const DeliveryView = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  event: z.enum(WEBHOOK_EVENTS),
  entityId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The body every webhook POST carries (signed: header X-Jinqiao-Signature). */
export const WebhookPayload = z.object({
  id: z.string().describe('The delivery id (also X-Jinqiao-Delivery); the same on every retry'),
  event: z.enum(WEBHOOK_EVENTS),
  occurredAt: z.string(),
  data: z.object({ entity: z.string(), id: z.string(), url: z.string().nullable() }),
});

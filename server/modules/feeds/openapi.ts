import { z } from 'zod';
import { WEBHOOK_EVENTS, WebhookPayload } from '../../../common/api/feeds.js';

const SUMMARY: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  'record.published': 'An achievement or demand was published',
  'deal.concluded': 'A deal was concluded (成交) on a listing, auction or agreement notice',
  'contract.certified': 'A technology contract was certified and registered',
};

/** The OpenAPI 3.1 `webhooks` of the document: what a subscriber receives, per event. */
export function webhooksDocument() {
  const schema = z.toJSONSchema(WebhookPayload, { target: 'draft-2020-12' });
  const { $schema: _schema, ...payload } = schema as Record<string, unknown>;
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          summary: SUMMARY[event],
          description:
            'POSTed to each active subscription of the event. Headers: X-Jinqiao-Event, X-Jinqiao-Delivery (the same on every retry), ' +
            'X-Jinqiao-Timestamp (seconds) and X-Jinqiao-Signature = sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription secret>. ' +
            'Answer 2xx; anything else is retried after 1 min, 5 min, 30 min, 2 h and 12 h, then the delivery fails.',
          requestBody: { required: true, content: { 'application/json': { schema: payload } } },
          responses: { '200': { description: 'Received' } },
        },
      },
    ]),
  );
}

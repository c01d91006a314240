/**
 * Outbound webhooks (README.md). Events are read from the audit log after a cursor kept in
 * system_state (every state change is audited in its transaction, so nothing committed is missed and
 * no module has to call us): a publication, a deal, a certification become one delivery per
 * subscription. Deliveries are POSTed signed with HMAC-SHA256 and retried with backoff by the job.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { SubscriptionBody, WebhookEvent } from '../../../common/api/feeds.js';
import type { Db } from '../../db/client.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { readAuditEntries, readAuditEntriesAfter, writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { getSystemState, setSystemState } from '../../lib/system-state.js';
import { webhookDeliveries, webhookSubscriptions } from './schema.js';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Audit actions → events, with the path of the entity on the portal. */
const EVENT_OF: Record<string, { event: WebhookEvent; path: (id: string) => string | null }> = {
  'achievement.publish': { event: 'record.published', path: (id) => `/achievements/${id}` },
  'demand.publish': { event: 'record.published', path: (id) => `/demands/${id}` },
  'deal.create': { event: 'deal.concluded', path: (id) => `/trading/deals/${id}` },
  'contract.certify': { event: 'contract.certified', path: () => null },
};

/**
 * Retry schedule: after the n-th failed attempt, wait BACKOFF_MS[n-1]; after the last, the delivery
 * fails for good. A receiver down for a day still gets it.
 */
export const WEBHOOK_PARAMETERS = {
  backoffMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000],
  timeoutMs: 10_000,
  source: 'platform setting (not a rule of law); exponential-style backoff as common webhook practice',
} as const;
export const MAX_ATTEMPTS = WEBHOOK_PARAMETERS.backoffMs.length + 1;
const CURSOR_KEY = 'webhooks.audit_cursor';

/** The signature header of a body sent at `timestamp` (seconds): `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export async function createSubscription(opts: { db: Db; actor: Actor; input: z.infer<typeof SubscriptionBody> }) {
  requirePermission(opts.actor, 'feeds:webhooks');
  requireUser(opts.actor);
  const row: SubscriptionRow = {
    id: newId(),
    url: opts.input.url,
    events: [...new Set(opts.input.events)],
    secret: randomBytes(24).toString('base64url'),
    description: opts.input.description ?? null,
    active: true,
    createdBy: opts.actor.userId,
    createdAt: clock.now(),
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(webhookSubscriptions).values(row);
    const { secret: _secret, ...shown } = row;
    await writeAudit(tx, opts.actor, {
      action: 'webhook_subscription.create',
      entity: 'webhook_subscription',
      entityId: row.id,
      after: shown,
    });
  });
  return row;
}

export async function listSubscriptions(opts: { db: Db; actor: Actor }) {
  requirePermission(opts.actor, 'feeds:webhooks');
  return opts.db.select().from(webhookSubscriptions).orderBy(desc(webhookSubscriptions.createdAt));
}

export async function deactivateSubscription(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'feeds:webhooks');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, opts.id)).for('update');
    if (!row) throw AppError.notFound('Subscription');
    await tx.update(webhookSubscriptions).set({ active: false }).where(eq(webhookSubscriptions.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'webhook_subscription.deactivate',
      entity: 'webhook_subscription',
      entityId: row.id,
      before: { active: row.active },
      after: { active: false },
    });
  });
}

export async function listDeliveries(opts: { db: Db; actor: Actor; subscriptionId?: string; limit: number }) {
  requirePermission(opts.actor, 'feeds:webhooks');
  return opts.db
    .select()
    .from(webhookDeliveries)
    .where(opts.subscriptionId ? eq(webhookDeliveries.subscriptionId, opts.subscriptionId) : undefined)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(opts.limit);
}

/** Turns audit entries after the cursor into deliveries. The first run starts at the log's end (no replay of history). */
export async function enqueueEvents(opts: { db: Db; publicUrl: string; batch?: number }): Promise<number> {
  const { db } = opts;
  const stored = await getSystemState(db, CURSOR_KEY);
  if (stored === null) {
    const [last] = await readAuditEntries(db, {}, 1);
    await setSystemState(db, CURSOR_KEY, String(last?.seq ?? 0));
    return 0;
  }
  const entries = await readAuditEntriesAfter(db, { afterSeq: Number(stored), actions: Object.keys(EVENT_OF) }, opts.batch ?? 500);
  if (entries.length === 0) return 0;
  const subscriptions = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.active, true));
  let made = 0;
  await db.transaction(async (tx) => {
    const now = clock.now();
    for (const e of entries) {
      const { event, path } = EVENT_OF[e.action]!;
      for (const s of subscriptions.filter((x) => x.events.includes(event))) {
        const id = newId();
        const p = path(e.entityId);
        const payload = {
          id,
          event,
          occurredAt: e.at.toISOString(),
          data: { entity: e.entity, id: e.entityId, url: p ? `${opts.publicUrl}${p}` : null },
        };
        await tx
          .insert(webhookDeliveries)
          .values({ id, subscriptionId: s.id, event, entityId: e.entityId, payload, status: 'pending', nextAttemptAt: now });
        made++;
      }
    }
    await setSystemState(tx, CURSOR_KEY, String(entries.at(-1)!.seq));
  });
  return made;
}

/** POSTs every due delivery once; a failure schedules the next attempt (or fails it after the last). */
export async function deliverDue(opts: { db: Db; limit?: number }): Promise<{ delivered: number; retried: number; failed: number }> {
  const { db } = opts;
  const now = clock.now();
  const due = await db
    .select({ d: webhookDeliveries, s: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(opts.limit ?? 50);
  const counts = { delivered: 0, retried: 0, failed: 0 };
  for (const { d, s } of due) {
    const body = JSON.stringify(d.payload);
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(s.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Jinqiao-Webhooks/1',
          'x-jinqiao-event': d.event,
          'x-jinqiao-delivery': d.id,
          'x-jinqiao-timestamp': String(timestamp),
          'x-jinqiao-signature': signPayload(s.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_PARAMETERS.timeoutMs),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 300) : 'request failed';
    }
    const attempts = d.attempts + 1;
    const at = clock.now();
    if (!error) {
      counts.delivered++;
      await db
        .update(webhookDeliveries)
        .set({ status: 'delivered', attempts, lastStatusCode: statusCode, lastError: null, deliveredAt: at, nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, d.id));
    } else if (attempts >= MAX_ATTEMPTS) {
      counts.failed++;
      await db
        .update(webhookDeliveries)
        .set({ status: 'failed', attempts, lastStatusCode: statusCode, lastError: error, nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, d.id));
    } else {
      counts.retried++;
      const wait = WEBHOOK_PARAMETERS.backoffMs[attempts - 1]!;
      await db
        .update(webhookDeliveries)
        .set({ attempts, lastStatusCode: statusCode, lastError: error, nextAttemptAt: new Date(at.getTime() + wait) })
        .where(eq(webhookDeliveries.id, d.id));
    }
  }
  return counts;
}

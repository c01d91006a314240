import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SavedSearchBody, SavedSearchTarget } from '../../../common/api/search.js';
import type { Db, Tx } from '../../db/client.js';
import { notificationPreferences, notifications, savedSearches } from './schema.js';
import { getNotificationPreference, upsertNotificationPreference, type EmailPreference } from './notify.js';
import { contactsOf } from '../identity/members.js';
import { emailsOf } from '../identity/repository.js';
import { requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Mailer } from '../../lib/mailer.js';
import type { SearchState } from '../search/service.js';
import { runWatch, validateWatch } from './watches.js';

/**
 * Saved searches and notifications. A job (alerts.check) runs every saved search against records
 * published since it last looked and notifies the owner in the app — and by e-mail at once
 * (`instant`) or in a daily digest (`daily`) when SMTP is configured.
 */
const MAX_SAVED = 50;

export interface NewNotification {
  userId: string;
  /** What it is about, e.g. `record_match`, `contract_overdue` (≤ 32 characters). */
  kind: string;
  title: string;
  body?: string | null;
  /** A path in the portal, e.g. `/workspace/contracts/…`. */
  link?: string | null;
}

/**
 * How other modules notify users in the app (and through the daily digest when SMTP is configured),
 * inside the caller's transaction so a notification exists exactly when the change that caused it
 * does. The caller audits its own change. Returns the new notifications' ids.
 */
export async function notifyUsers(tx: Tx, items: NewNotification[], at = clock.now()): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = items.map((n) => ({
    id: newId(),
    userId: n.userId,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    createdAt: at,
  }));
  await tx.insert(notifications).values(rows);
  return rows.map((r) => r.id);
}

export async function listSavedSearches(opts: { db: Db; actor: Actor }) {
  requireUser(opts.actor);
  return opts.db.select().from(savedSearches).where(eq(savedSearches.userId, opts.actor.userId)).orderBy(desc(savedSearches.createdAt));
}

export async function createSavedSearch(opts: { db: Db; actor: Actor; input: z.infer<typeof SavedSearchBody> }) {
  requireUser(opts.actor);
  const query = await validateWatch({ db: opts.db, actor: opts.actor, target: opts.input.target, query: opts.input.query });
  const mine = await listSavedSearches(opts);
  if (mine.length >= MAX_SAVED) throw AppError.conflict(`At most ${MAX_SAVED} saved searches`);
  const now = clock.now();
  const row = {
    id: newId(),
    userId: opts.actor.userId,
    target: opts.input.target,
    name: opts.input.name,
    query,
    notify: opts.input.notify,
    checkedUntil: now,
    createdAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(savedSearches).values(row);
    await writeAudit(tx, opts.actor, { action: 'saved_search.create', entity: 'saved_search', entityId: row.id, after: row });
  });
  return row;
}

export async function deleteSavedSearch(opts: { db: Db; actor: Actor; id: string }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(savedSearches)
      .where(and(eq(savedSearches.id, opts.id), eq(savedSearches.userId, opts.actor.userId!)))
      .returning();
    if (!row) throw AppError.notFound('Saved search');
    await writeAudit(tx, opts.actor, { action: 'saved_search.delete', entity: 'saved_search', entityId: row.id, before: row });
  });
}

export async function listNotifications(opts: { db: Db; actor: Actor; unreadOnly: boolean; needsActionOnly?: boolean; limit: number }) {
  requireUser(opts.actor);
  const mine = eq(notifications.userId, opts.actor.userId);
  const items = await opts.db
    .select()
    .from(notifications)
    .where(
      and(
        mine,
        opts.unreadOnly || opts.needsActionOnly ? isNull(notifications.readAt) : undefined,
        opts.needsActionOnly ? eq(notifications.needsAction, true) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit);
  const [{ n }] = (await opts.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)))) as [{ n: number }];
  return { items, unread: Number(n) };
}

/** Marks one notification (or, without id, all of them) read. Reading is a state change: audited. */
export async function markNotificationsRead(opts: { db: Db; actor: Actor; id?: string }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: clock.now() })
      .where(
        and(
          eq(notifications.userId, opts.actor.userId!),
          isNull(notifications.readAt),
          opts.id ? eq(notifications.id, opts.id) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    if (opts.id && rows.length === 0) {
      const [exists] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.id, opts.id), eq(notifications.userId, opts.actor.userId!)));
      if (!exists) throw AppError.notFound('Notification');
      return; // already read
    }
    await writeAudit(tx, opts.actor, {
      action: 'notification.read',
      entity: 'notification',
      entityId: opts.id ?? 'all',
      after: { count: rows.length },
    });
  });
}

/** How I want notifications beyond the bell (e-mail: instant, daily digest or off). */
export async function getMyNotificationPreferences(opts: { db: Db; actor: Actor }) {
  requireUser(opts.actor);
  return { email: await getNotificationPreference(opts.db, opts.actor.userId) };
}

export async function setMyNotificationPreferences(opts: { db: Db; actor: Actor; email: EmailPreference }) {
  requireUser(opts.actor);
  const userId = opts.actor.userId;
  await opts.db.transaction(async (tx) => {
    const before = await getNotificationPreference(tx, userId);
    await upsertNotificationPreference(tx, userId, opts.email);
    await writeAudit(tx, opts.actor, {
      action: 'notification_preference.update',
      entity: 'user',
      entityId: userId,
      before: { email: before },
      after: { email: opts.email },
    });
  });
  return { email: opts.email };
}

/**
 * Runs every saved search and match watch that notifies, looking at records published after it last
 * looked (see watches.ts for whose eyes each runs with).
 */
export async function checkSavedSearches(opts: { db: Db; search: SearchState; mailer: Mailer; publicUrl: string; actor: Actor }) {
  const notifying = await opts.db.select().from(savedSearches).where(ne(savedSearches.notify, 'none'));
  const emails = await emailsOf(
    opts.db,
    notifying.map((s) => s.userId),
    { enabledOnly: true },
  );
  let created = 0;
  for (const s of notifying) {
    const email = emails.get(s.userId);
    if (email === undefined) continue; // a disabled user's searches wait until the account is enabled again
    const startedAt = clock.now();
    const fresh = await runWatch({
      db: opts.db,
      search: opts.search,
      userId: s.userId,
      target: s.target as SavedSearchTarget,
      query: s.query,
      since: s.checkedUntil,
    });
    await opts.db.transaction(async (tx) => {
      // Claim the window first: if another process checked this search meanwhile, do nothing.
      const claimed = await tx
        .update(savedSearches)
        .set({ checkedUntil: startedAt })
        .where(and(eq(savedSearches.id, s.id), eq(savedSearches.checkedUntil, s.checkedUntil)))
        .returning({ id: savedSearches.id });
      if (claimed.length === 0 || fresh.length === 0) return;
      const rows = fresh.map((f) => ({
        userId: s.userId,
        kind: f.score === null ? 'saved_search_match' : 'record_match',
        title: f.score === null ? `「${s.name}」有新结果：${f.title}` : `「${s.name}」有新匹配（${f.score} 分）：${f.title}`,
        body: f.summary.slice(0, 200),
        link: f.link,
      }));
      const ids = await notifyUsers(tx, rows);
      await writeAudit(tx, opts.actor, {
        action: 'notification.create',
        entity: 'saved_search',
        entityId: s.id,
        after: { count: rows.length },
      });
      created += rows.length;
      if (s.notify === 'instant' && opts.mailer.enabled) {
        await opts.mailer.send({
          to: email,
          subject: `津桥：「${s.name}」有 ${rows.length} 条新结果`,
          text: rows.map((r) => `${r.title}\n${opts.publicUrl}${r.link}`).join('\n\n'),
        });
        await tx.update(notifications).set({ emailedAt: clock.now() }).where(inArray(notifications.id, ids));
      }
    });
  }
  return created;
}

/**
 * The daily digest: one e-mail per user with every notification no e-mail has carried yet (not for
 * users whose preference is `off`; never for one still waiting for the delivery job).
 */
export async function sendDailyDigests(opts: { db: Db; mailer: Mailer; publicUrl: string }) {
  if (!opts.mailer.enabled) return 0;
  const pending = await opts.db
    .select({ n: notifications })
    .from(notifications)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(
      and(
        isNull(notifications.emailedAt),
        isNull(notifications.readAt),
        eq(notifications.pendingDelivery, false),
        sql`coalesce(${notificationPreferences.email}, 'instant') <> 'off'`,
      ),
    )
    .orderBy(notifications.userId, notifications.createdAt);
  const contacts = await contactsOf(
    opts.db,
    pending.map((p) => p.n.userId),
  );
  const byUser = new Map<string, { email: string; items: (typeof pending)[number]['n'][] }>();
  for (const p of pending) {
    const contact = contacts.get(p.n.userId);
    if (!contact) continue; // a disabled user gets no digest
    const entry = byUser.get(p.n.userId) ?? { email: contact.email, items: [] };
    entry.items.push(p.n);
    byUser.set(p.n.userId, entry);
  }
  for (const { email, items } of byUser.values()) {
    await opts.mailer.send({
      to: email,
      subject: `津桥每日摘要：${items.length} 条新通知`,
      text: items.map((n) => `${n.title}\n${opts.publicUrl}${n.link ?? ''}`).join('\n\n'),
    });
    await opts.db
      .update(notifications)
      .set({ emailedAt: clock.now() })
      .where(
        inArray(
          notifications.id,
          items.map((n) => n.id),
        ),
      );
  }
  return byUser.size;
}

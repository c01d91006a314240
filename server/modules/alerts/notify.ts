import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Mailer } from '../../lib/mailer.js';
import { contactsOf, organizationMemberIds } from '../identity/members.js';
import { notificationPreferences, notifications } from './schema.js';

/**
 * The one way a module tells people that something happened: `notify` writes the in-app
 * notification inside the caller's transaction (it exists exactly when the change does) and marks it
 * for delivery; `deliverNotifications` (the `alerts.deliver` job) hands what is pending to every
 * channel after the commit, as each user's preference asks. A channel (e-mail today; WeChat or SMS
 * later) implements `NotificationChannel`.
 */
export interface NotifyInput {
  /** Users to tell, and/or every member (org_member, org_admin, broker) of an organisation. */
  userIds?: string[];
  organizationId?: string;
  /** Users not to tell (the person who caused the event). */
  exceptUserIds?: (string | null)[];
  /** What it is about, e.g. `inquiry_message`, `record_returned` (≤ 32 characters). */
  kind: string;
  title: string;
  body?: string | null;
  /** A path in the portal, e.g. `/workspace/inquiries/…`. */
  link?: string | null;
  /** Goes on the workspace's to-do list until read. */
  needsAction?: boolean;
}

export async function notify(tx: DbOrTx, input: NotifyInput): Promise<string[]> {
  const ids = new Set(input.userIds ?? []);
  if (input.organizationId) for (const id of await organizationMemberIds(tx, input.organizationId)) ids.add(id);
  for (const id of input.exceptUserIds ?? []) if (id) ids.delete(id);
  if (ids.size === 0) return [];
  const at = clock.now();
  const rows = [...ids].map((userId) => ({
    id: newId(),
    userId,
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    link: input.link ?? null,
    needsAction: input.needsAction ?? false,
    pendingDelivery: true,
    createdAt: at,
  }));
  await tx.insert(notifications).values(rows);
  return rows.map((r) => r.id);
}

export const EMAIL_PREFERENCES = ['instant', 'daily', 'off'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];

export interface Recipient {
  userId: string;
  email: string;
  name: string;
}
export interface PendingNotification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
}

/** A way to reach a person outside the app. `deliver` throws when it could not: the items stay pending. */
export interface NotificationChannel {
  readonly name: string;
  readonly enabled: boolean;
  deliver(to: Recipient, items: PendingNotification[]): Promise<void>;
}

export function emailChannel(mailer: Mailer, publicUrl: string): NotificationChannel {
  return {
    name: 'email',
    enabled: mailer.enabled,
    async deliver(to, items) {
      const subject = items.length === 1 ? `津桥：${items[0]!.title}` : `津桥：${items.length} 条新通知`;
      const text = items.map((n) => [n.title, n.body, n.link ? `${publicUrl}${n.link}` : null].filter(Boolean).join('\n')).join('\n\n');
      await mailer.send({ to: to.email, subject, text });
    },
  };
}

/**
 * Hands pending notifications to the channels. Users who chose `instant` get them now (one message
 * per user and run); `daily` leaves them to the digest; `off` sends nothing. Each user's items are
 * claimed and sent in one transaction, so a failed send leaves them pending for the next run.
 */
export async function deliverNotifications(opts: { db: Db; channels: NotificationChannel[] }): Promise<number> {
  const pending = await opts.db
    .select({ n: notifications, pref: notificationPreferences.email })
    .from(notifications)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(eq(notifications.pendingDelivery, true))
    .orderBy(notifications.createdAt)
    .limit(1000);
  const contacts = await contactsOf(
    opts.db,
    pending.map((p) => p.n.userId),
  );
  const byUser = new Map<string, { to: Recipient | null; pref: EmailPreference; items: PendingNotification[] }>();
  for (const p of pending) {
    const c = contacts.get(p.n.userId);
    const entry = byUser.get(p.n.userId) ?? {
      to: c ? { userId: c.id, email: c.email, name: c.name } : null,
      pref: (p.pref ?? 'instant') as EmailPreference,
      items: [],
    };
    entry.items.push(p.n);
    byUser.set(p.n.userId, entry);
  }
  const channels = opts.channels.filter((c) => c.enabled);
  let delivered = 0;
  for (const { to, pref, items } of byUser.values()) {
    await opts.db.transaction(async (tx) => {
      const claimed = await tx
        .update(notifications)
        .set({ pendingDelivery: false, ...(pref === 'instant' && channels.length ? { emailedAt: clock.now() } : {}) })
        .where(
          and(
            inArray(
              notifications.id,
              items.map((i) => i.id),
            ),
            eq(notifications.pendingDelivery, true),
          ),
        )
        .returning({ id: notifications.id });
      const mine = items.filter((i) => claimed.some((c) => c.id === i.id));
      if (pref !== 'instant' || !to || mine.length === 0) return;
      for (const channel of channels) await channel.deliver(to, mine);
      delivered += mine.length;
    });
  }
  return delivered;
}

export async function getNotificationPreference(db: DbOrTx, userId: string): Promise<EmailPreference> {
  const [row] = await db
    .select({ email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return (row?.email ?? 'instant') as EmailPreference;
}

export async function upsertNotificationPreference(db: DbOrTx, userId: string, email: EmailPreference): Promise<void> {
  const at = clock.now();
  await db
    .insert(notificationPreferences)
    .values({ userId, email, updatedAt: at })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { email, updatedAt: sql`excluded.updated_at` } });
}

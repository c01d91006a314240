import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { RegisterBody, RegistrationStatus } from '../../../common/api/events.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { mayManage, requireManage } from './access.js';
import {
  LIVE,
  placeFor,
  promotable,
  REGISTRATION_TRANSITION_TABLE,
  registrationOpen,
  registrationTransitionAllowed,
  SEATED,
  ticketRegistrationId,
  verifyTicket,
  type RegistrationParty,
} from './rules.js';
import { eventRegistrations } from './schema.js';
import { findEvent, lockEvent, type EventRow } from './service.js';

/**
 * Registration with capacity and a waiting list. Every change locks the event's row first
 * (SELECT … FOR UPDATE), so registrations, cancellations and promotions of one event happen one
 * after another: the seat count read under the lock is the count the insert relies on, and no
 * number of concurrent registrations can seat more than the capacity.
 */
export type RegistrationRow = typeof eventRegistrations.$inferSelect;

const seatedCount = async (tx: Tx, eventId: string) =>
  (
    await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, [...SEATED])))
  ).length;

export async function register(opts: { db: Db; actor: Actor; eventId: string; input: z.infer<typeof RegisterBody> }): Promise<string> {
  requireUser(opts.actor);
  const actor = opts.actor;
  const mine = organizationIdsOf(actor);
  const orgId = opts.input.organizationId ?? (mine.length === 1 ? mine[0]! : null);
  if (orgId && !mine.includes(orgId)) throw AppError.forbidden('You can only register for your own organisation');
  return opts.db.transaction(async (tx) => {
    const event = await lockEvent(tx, opts.eventId);
    if (!registrationOpen(event, clock.now()))
      throw AppError.conflict(event.status === 'published' ? 'Registration has closed' : `The event is ${event.status}`);
    const [live] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, event.id),
          eq(eventRegistrations.userId, actor.userId),
          inArray(eventRegistrations.status, [...LIVE]),
        ),
      );
    if (live) throw AppError.conflict('You are already registered for this event');
    const status = placeFor(event.capacity, await seatedCount(tx, event.id));
    const [top] = await tx
      .select({ last: max(eventRegistrations.seq) })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, event.id));
    const row = {
      id: newId(),
      eventId: event.id,
      userId: actor.userId,
      organizationId: orgId,
      status,
      seq: (top?.last ?? 0) + 1,
      note: opts.input.note ?? null,
      createdAt: clock.now(),
    };
    await tx.insert(eventRegistrations).values(row);
    await writeAudit(tx, actor, {
      action: `event.${status === 'registered' ? 'register' : 'waitlist'}`,
      entity: 'event_registration',
      entityId: row.id,
      organizationId: event.organizerOrganizationId,
      after: row,
    });
    return row.id;
  });
}

/** Seats the head of the waiting list while seats are free (after a cancellation); each promoted person is told. */
async function promoteWaiting(tx: Tx, actor: Actor, event: EventRow): Promise<string[]> {
  const waiting = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(asc(eventRegistrations.seq));
  const n = promotable(event.capacity, await seatedCount(tx, event.id), waiting.length);
  const now = clock.now();
  const promoted = waiting.slice(0, n);
  for (const r of promoted) {
    await tx.update(eventRegistrations).set({ status: 'registered', promotedAt: now }).where(eq(eventRegistrations.id, r.id));
    await writeAudit(tx, actor, {
      action: 'event.promote',
      entity: 'event_registration',
      entityId: r.id,
      organizationId: event.organizerOrganizationId,
      before: { status: 'waitlisted' },
      after: { status: 'registered' },
    });
    await notify(tx, {
      userIds: [r.userId],
      kind: 'event_promoted',
      title: `候补成功：您已获得「${event.title}」的席位`,
      body: '电子票已生成，请在“我的活动”中查看。',
      link: `/workspace/events`,
    });
  }
  return promoted.map((r) => r.id);
}

async function lockRegistration(tx: Tx, id: string) {
  const [reg] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  if (!reg) throw AppError.notFound('Registration');
  const event = await lockEvent(tx, reg.eventId); // the event first: the order every change of the event takes
  const [row] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)).for('update');
  return { event, row: row! };
}

/** The holder (or the organiser) cancels; a freed seat goes to the next in line. */
export async function cancelRegistration(opts: { db: Db; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const actor = opts.actor;
  await opts.db.transaction(async (tx) => {
    const { event, row } = await lockRegistration(tx, opts.id);
    const party: RegistrationParty | null = row.userId === actor.userId ? 'holder' : mayManage(actor, event) ? 'organizer' : null;
    if (!party) throw AppError.notFound('Registration');
    const status = row.status as RegistrationStatus;
    if (!registrationTransitionAllowed('cancel', status, party)) throw AppError.conflict(`Cannot cancel a registration that is ${status}`);
    if (clock.now() >= event.startsAt) throw AppError.conflict('The event has begun');
    await tx
      .update(eventRegistrations)
      .set({ status: REGISTRATION_TRANSITION_TABLE.cancel.to, cancelledAt: clock.now() })
      .where(eq(eventRegistrations.id, row.id));
    await writeAudit(tx, actor, {
      action: 'event.cancel_registration',
      entity: 'event_registration',
      entityId: row.id,
      organizationId: event.organizerOrganizationId,
      before: { status },
      after: { status: 'cancelled', by: party },
    });
    if (event.status === 'published') await promoteWaiting(tx, actor, event);
  });
}

/** Staff check a ticket in: the signature must be this event's and the registration seated. */
export async function checkIn(opts: { db: Db; actor: Actor; eventId: string; ticket: string }): Promise<string> {
  requirePermission(opts.actor, 'event:manage');
  const actor = opts.actor;
  return opts.db.transaction(async (tx) => {
    const event = await lockEvent(tx, opts.eventId);
    requireManage(actor, event);
    const id = ticketRegistrationId(opts.ticket);
    if (!id || !verifyTicket(event.ticketKey, event.id, opts.ticket))
      throw AppError.validation('body.ticket', 'is not a valid ticket for this event');
    const [row] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.id, id), eq(eventRegistrations.eventId, event.id)))
      .for('update');
    if (!row) throw AppError.validation('body.ticket', 'is not a valid ticket for this event');
    const status = row.status as RegistrationStatus;
    if (status === 'checked_in') throw AppError.conflict(`Already checked in at ${row.checkedInAt!.toISOString()}`);
    if (!registrationTransitionAllowed('check_in', status, 'organizer')) throw AppError.conflict(`The registration is ${status}`);
    const now = clock.now();
    await tx.update(eventRegistrations).set({ status: 'checked_in', checkedInAt: now }).where(eq(eventRegistrations.id, row.id));
    await writeAudit(tx, actor, {
      action: 'event.check_in',
      entity: 'event_registration',
      entityId: row.id,
      organizationId: event.organizerOrganizationId,
      before: { status },
      after: { status: 'checked_in', at: now.toISOString() },
    });
    return row.id;
  });
}

export async function findRegistration(db: DbOrTx, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  return row;
}

export async function myRegistrations(opts: { db: DbOrTx; actor: Actor }) {
  requireUser(opts.actor);
  return opts.db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.userId, opts.actor.userId))
    .orderBy(desc(eventRegistrations.createdAt));
}

export async function myLiveRegistration(db: DbOrTx, actor: Actor, eventId: string): Promise<RegistrationRow | null> {
  if (actor.kind !== 'user') return null;
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, actor.userId!)))
    .orderBy(desc(eventRegistrations.seq))
    .limit(1);
  return row ?? null;
}

export async function eventRegistrationList(opts: { db: DbOrTx; actor: Actor; eventId: string }) {
  const event = await findEvent(opts.db, opts.eventId);
  requireManage(opts.actor, event);
  return opts.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id)).orderBy(asc(eventRegistrations.seq));
}

/** Seqs of the waiting list of each event, for places in line. */
export async function waitingSeqs(db: DbOrTx, eventIds: string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, seq: eventRegistrations.seq })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.eventId, eventIds), eq(eventRegistrations.status, 'waitlisted')));
  for (const r of rows) out.set(r.eventId, [...(out.get(r.eventId) ?? []), r.seq]);
  return out;
}

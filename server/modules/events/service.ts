import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { AddProjectBody, CreateEventBody, EventsQuery, IntentBody, ScoreBody, UpdateEventBody } from '../../../common/api/events.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId, randomToken } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findPublishedRecord } from '../catalog/lookups.js';
import { userNames } from '../identity/members.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { isJudge, requireManage } from './access.js';
import { DEFAULT_PITCH_MINUTES, DEFAULT_QA_MINUTES, editable, SEATED } from './rules.js';
import { events, eventAgendaItems, eventIntents, eventPitchScores, eventProjects, eventRegistrations } from './schema.js';
import { ROADSHOW_PITCH, sheetTotal } from './scoring.js';

/**
 * Roadshows and exhibitions: the organiser publishes an event with its agenda, projects and judges;
 * anyone logged in registers (registrations.ts); judges score pitches once the event has begun;
 * attendees record follow-up intents. Every change is audited in its transaction.
 */
export type EventRow = typeof events.$inferSelect;
export type ProjectRow = typeof eventProjects.$inferSelect;

export async function lockEvent(tx: Tx, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
  if (!row) throw AppError.notFound('Event');
  return row;
}

export async function findEvent(db: DbOrTx, id: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  if (!row) throw AppError.notFound('Event');
  return row;
}

export async function createEvent(opts: { db: Db; actor: Actor; input: CreateEventBody }): Promise<string> {
  const { actor, input } = opts;
  requirePermission(actor, 'event:manage');
  const mine = organizationIdsOf(actor);
  const organizerId = input.organizerOrganizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!organizerId) throw AppError.validation('body.organizerOrganizationId', 'name the organising organisation');
  if (!isPlatformAdmin(actor) && !mine.includes(organizerId))
    throw AppError.forbidden('You can only organise events for your own organisation');
  const org = (await organizationsByIds(opts.db, [organizerId])).get(organizerId);
  if (!org || org.status !== 'active') throw AppError.validation('body.organizerOrganizationId', 'is not an active organisation');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw AppError.validation('body.endsAt', 'must be after the start');
  const closesAt = input.registrationClosesAt ? new Date(input.registrationClosesAt) : startsAt;
  if (closesAt > startsAt) throw AppError.validation('body.registrationClosesAt', 'must not be after the start');
  if (input.mode !== 'offline' && !input.onlineUrl) throw AppError.validation('body.onlineUrl', 'is required for an online event');
  if (input.mode !== 'online' && !input.venue) throw AppError.validation('body.venue', 'is required for an offline event');
  const judges = [...new Set(input.judgeUserIds)];
  const known = await userNames(opts.db, judges);
  const unknown = judges.find((j) => !known.has(j));
  if (unknown) throw AppError.validation('body.judgeUserIds', `no user ${unknown}`);
  input.agenda.forEach((a, i) => {
    if (new Date(a.endsAt) <= new Date(a.startsAt)) throw AppError.validation(`body.agenda.${i}.endsAt`, 'must be after its start');
  });
  const now = clock.now();
  const row = {
    id: newId(),
    kind: input.kind,
    mode: input.mode,
    title: input.title,
    summary: input.summary,
    venue: input.venue ?? null,
    onlineUrl: input.onlineUrl ?? null,
    regionCode: input.regionCode ?? null,
    organizerOrganizationId: organizerId,
    startsAt,
    endsAt,
    registrationClosesAt: closesAt,
    capacity: input.capacity,
    pitchMinutes: input.pitchMinutes ?? DEFAULT_PITCH_MINUTES,
    qaMinutes: input.qaMinutes ?? DEFAULT_QA_MINUTES,
    status: 'published',
    ticketKey: randomToken(32),
    judgeUserIds: judges,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(events).values(row);
    if (input.agenda.length)
      await tx.insert(eventAgendaItems).values(
        input.agenda.map((a) => ({
          id: newId(),
          eventId: row.id,
          startsAt: new Date(a.startsAt),
          endsAt: new Date(a.endsAt),
          title: a.title,
          speaker: a.speaker ?? null,
        })),
      );
    const { ticketKey: _key, ...audited } = row;
    await writeAudit(tx, actor, {
      action: 'event.create',
      entity: 'event',
      entityId: row.id,
      organizationId: organizerId,
      after: { ...audited, agenda: input.agenda },
    });
  });
  return row.id;
}

/**
 * The organiser changes an event that has not begun: the fields given. Capacity never drops below the
 * seats already taken; a change of time or place is told to everyone registered or waiting.
 */
export async function updateEvent(opts: { db: Db; actor: Actor; id: string; input: UpdateEventBody }): Promise<void> {
  const { input } = opts;
  await opts.db.transaction(async (tx) => {
    const event = await lockEvent(tx, opts.id);
    requireManage(opts.actor, event);
    const now = clock.now();
    if (!editable(event, now))
      throw AppError.conflict(
        event.status !== 'published' ? `The event is ${event.status}` : 'The event has begun; it is no longer edited',
      );
    const changes: Partial<EventRow> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.summary !== undefined) changes.summary = input.summary;
    if (input.venue !== undefined) changes.venue = input.venue;
    if (input.onlineUrl !== undefined) changes.onlineUrl = input.onlineUrl;
    if (input.startsAt !== undefined) changes.startsAt = new Date(input.startsAt);
    if (input.endsAt !== undefined) changes.endsAt = new Date(input.endsAt);
    if (input.registrationClosesAt !== undefined) changes.registrationClosesAt = new Date(input.registrationClosesAt);
    if (input.capacity !== undefined) changes.capacity = input.capacity;
    const next = { ...event, ...changes };
    if (changes.startsAt && changes.startsAt <= now) throw AppError.validation('body.startsAt', 'must be in the future');
    if (next.endsAt <= next.startsAt) throw AppError.validation('body.endsAt', 'must be after the start');
    if (next.registrationClosesAt > next.startsAt) throw AppError.validation('body.registrationClosesAt', 'must not be after the start');
    if (next.mode !== 'offline' && !next.onlineUrl) throw AppError.validation('body.onlineUrl', 'is required for an online event');
    if (next.mode !== 'online' && !next.venue) throw AppError.validation('body.venue', 'is required for an offline event');
    if (changes.capacity !== undefined) {
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, [...SEATED])))) as [{ n: number }];
      if (changes.capacity < Number(n)) throw AppError.validation('body.capacity', `${Number(n)} seats are already taken`);
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(events)
      .set({ ...changes, updatedAt: now })
      .where(eq(events.id, event.id));
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, event[k as keyof EventRow]]));
    await writeAudit(tx, opts.actor, {
      action: 'event.update',
      entity: 'event',
      entityId: event.id,
      organizationId: event.organizerOrganizationId,
      before,
      after: changes,
    });
    const moved = ['startsAt', 'endsAt', 'venue', 'onlineUrl'].some((k) => k in changes);
    if (moved) {
      const holders = await tx
        .select({ userId: eventRegistrations.userId })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ['registered', 'waitlisted'])));
      await notify(tx, {
        userIds: holders.map((h) => h.userId),
        kind: 'event_changed',
        title: `活动「${next.title}」的时间或地点有变更`,
        body: [
          `开始：${next.startsAt.toISOString()}`,
          next.venue ? `地点：${next.venue}` : null,
          next.onlineUrl ? `线上：${next.onlineUrl}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        link: `/events/${event.id}`,
      });
    }
  });
}

export async function addProject(opts: { db: Db; actor: Actor; eventId: string; input: z.infer<typeof AddProjectBody> }) {
  const { actor, input } = opts;
  const event = await findEvent(opts.db, opts.eventId);
  requireManage(actor, event);
  let title = input.title ?? '';
  let presenter: { id: string; name: string } | null = null;
  if (input.achievementId) {
    const rec = await findPublishedRecord(opts.db, actor, 'achievement', input.achievementId);
    if (!rec) throw AppError.validation('body.achievementId', 'is not a published achievement');
    title = rec.title;
    presenter = { id: rec.organizationId, name: rec.organizationName };
  }
  await opts.db.transaction(async (tx) => {
    await lockEvent(tx, event.id);
    const [{ n }] = (await tx.select({ n: count() }).from(eventProjects).where(eq(eventProjects.eventId, event.id))) as [{ n: number }];
    const row = {
      id: newId(),
      eventId: event.id,
      position: Number(n) + 1,
      achievementId: input.achievementId ?? null,
      title,
      presenterOrganizationId: presenter?.id ?? null,
      presenterOrganizationName: presenter?.name ?? null,
      pitchMinutes: input.pitchMinutes ?? event.pitchMinutes,
      qaMinutes: input.qaMinutes ?? event.qaMinutes,
    };
    await tx.insert(eventProjects).values(row);
    await writeAudit(tx, actor, {
      action: 'event.add_project',
      entity: 'event',
      entityId: event.id,
      organizationId: event.organizerOrganizationId,
      after: row,
    });
    if (presenter)
      await notify(tx, {
        organizationId: presenter.id,
        kind: 'event_project',
        title: `您的成果「${title}」将在「${event.title}」上展示`,
        link: `/events/${event.id}`,
      });
  });
}

export async function cancelEvent(opts: { db: Db; actor: Actor; id: string; reason?: string }) {
  await opts.db.transaction(async (tx) => {
    const event = await lockEvent(tx, opts.id);
    requireManage(opts.actor, event);
    if (event.status !== 'published') throw AppError.conflict(`The event is ${event.status}`);
    await tx.update(events).set({ status: 'cancelled', updatedAt: clock.now() }).where(eq(events.id, event.id));
    await writeAudit(tx, opts.actor, {
      action: 'event.cancel',
      entity: 'event',
      entityId: event.id,
      organizationId: event.organizerOrganizationId,
      before: { status: event.status },
      after: { status: 'cancelled', reason: opts.reason ?? null },
    });
    const holders = await tx
      .select({ userId: eventRegistrations.userId })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ['registered', 'waitlisted'])));
    await notify(tx, {
      userIds: holders.map((h) => h.userId),
      kind: 'event_cancelled',
      title: `活动「${event.title}」已取消`,
      body: opts.reason ?? null,
      link: `/events/${event.id}`,
    });
  });
}

/** Registration counts per event: seated (registered + checked in) and waiting. */
export async function registrationCounts(db: DbOrTx, eventIds: string[]) {
  const out = new Map<string, { seated: number; waitlisted: number; checkedIn: number; cancelled: number }>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, n: count() })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.eventId, eventIds))
    .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  for (const id of eventIds) out.set(id, { seated: 0, waitlisted: 0, checkedIn: 0, cancelled: 0 });
  for (const r of rows) {
    const c = out.get(r.eventId)!;
    const n = Number(r.n);
    if (SEATED.includes(r.status as never)) c.seated += n;
    if (r.status === 'waitlisted') c.waitlisted += n;
    if (r.status === 'checked_in') c.checkedIn += n;
    if (r.status === 'cancelled') c.cancelled += n;
  }
  return out;
}

/** Public list: published and cancelled events, upcoming first by start or past latest first. */
export async function listEvents(opts: { db: DbOrTx; query: z.infer<typeof EventsQuery> }) {
  const { when, kind, limit } = opts.query;
  const now = clock.now();
  return opts.db
    .select()
    .from(events)
    .where(
      and(
        kind ? eq(events.kind, kind) : undefined,
        when === 'upcoming' ? gte(events.endsAt, now) : when === 'past' ? lt(events.endsAt, now) : undefined,
      ),
    )
    .orderBy(when === 'past' ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
    .limit(limit);
}

export async function projectCounts(db: DbOrTx, eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: eventProjects.eventId, n: count() })
    .from(eventProjects)
    .where(inArray(eventProjects.eventId, eventIds))
    .groupBy(eventProjects.eventId);
  return new Map(rows.map((r) => [r.eventId, Number(r.n)]));
}

export async function loadEventDetail(db: DbOrTx, id: string) {
  const event = await findEvent(db, id);
  const agenda = await db.select().from(eventAgendaItems).where(eq(eventAgendaItems.eventId, id)).orderBy(asc(eventAgendaItems.startsAt));
  const projects = await db.select().from(eventProjects).where(eq(eventProjects.eventId, id)).orderBy(asc(eventProjects.position));
  const scores = await db.select().from(eventPitchScores).where(eq(eventPitchScores.eventId, id));
  const intents = await db
    .select({ projectId: eventIntents.projectId, kind: eventIntents.kind, organizationId: eventIntents.organizationId })
    .from(eventIntents)
    .where(eq(eventIntents.eventId, id));
  return { event, agenda, projects, scores, intents };
}

/** A judge scores one pitch on the roadshow sheet, once, from the event's start on. */
export async function scorePitch(opts: { db: Db; actor: Actor; eventId: string; projectId: string; input: z.infer<typeof ScoreBody> }) {
  requirePermission(opts.actor, 'event:judge');
  requireUser(opts.actor);
  const actor = opts.actor;
  await opts.db.transaction(async (tx) => {
    const event = await lockEvent(tx, opts.eventId);
    if (!isJudge(actor, event)) throw AppError.forbidden('You are not a judge of this event');
    const [project] = await tx
      .select()
      .from(eventProjects)
      .where(and(eq(eventProjects.id, opts.projectId), eq(eventProjects.eventId, event.id)));
    if (!project) throw AppError.notFound('Project');
    if (event.status !== 'published') throw AppError.conflict(`The event is ${event.status}`);
    if (clock.now() < event.startsAt) throw AppError.conflict('Pitches are scored once the event has begun');
    const total = sheetTotal(ROADSHOW_PITCH, opts.input.scores, 'body.scores');
    const [already] = await tx
      .select({ id: eventPitchScores.id })
      .from(eventPitchScores)
      .where(and(eq(eventPitchScores.projectId, project.id), eq(eventPitchScores.judgeUserId, actor.userId)));
    if (already) throw AppError.conflict('You have already scored this pitch');
    const row = {
      id: newId(),
      eventId: event.id,
      projectId: project.id,
      judgeUserId: actor.userId,
      sheetKey: ROADSHOW_PITCH.key,
      scores: opts.input.scores,
      total,
      comment: opts.input.comment ?? null,
      createdAt: clock.now(),
    };
    await tx.insert(eventPitchScores).values(row);
    await writeAudit(tx, actor, {
      action: 'event.score',
      entity: 'event',
      entityId: event.id,
      organizationId: event.organizerOrganizationId,
      after: row,
    });
  });
}

/** A logged-in attendee records a follow-up intent on a presented project; its presenter is told. */
export async function recordIntent(opts: { db: Db; actor: Actor; eventId: string; projectId: string; input: z.infer<typeof IntentBody> }) {
  requireUser(opts.actor);
  const actor = opts.actor;
  const mine = organizationIdsOf(actor);
  const orgId = opts.input.organizationId ?? (mine.length === 1 ? mine[0]! : null);
  if (orgId && !mine.includes(orgId)) throw AppError.forbidden('You can only speak for your own organisation');
  await opts.db.transaction(async (tx) => {
    const event = await findEvent(tx, opts.eventId);
    const [project] = await tx
      .select()
      .from(eventProjects)
      .where(and(eq(eventProjects.id, opts.projectId), eq(eventProjects.eventId, event.id)));
    if (!project) throw AppError.notFound('Project');
    if (event.status !== 'published') throw AppError.conflict(`The event is ${event.status}`);
    const row = {
      id: newId(),
      eventId: event.id,
      projectId: project.id,
      userId: actor.userId,
      organizationId: orgId,
      kind: opts.input.kind,
      note: opts.input.note ?? null,
      createdAt: clock.now(),
    };
    await tx.insert(eventIntents).values(row);
    await writeAudit(tx, actor, {
      action: 'event.intent',
      entity: 'event',
      entityId: event.id,
      organizationId: event.organizerOrganizationId,
      after: row,
    });
    const notice = {
      kind: 'event_intent',
      title: `「${project.title}」收到路演后续意向`,
      body: opts.input.note ?? null,
      link: `/events/${event.id}`,
      needsAction: true,
    };
    if (project.presenterOrganizationId)
      await notify(tx, { ...notice, organizationId: project.presenterOrganizationId, exceptUserIds: [actor.userId] });
    await notify(tx, { ...notice, organizationId: event.organizerOrganizationId, exceptUserIds: [actor.userId] });
  });
}

/** Statistics are the organiser's: throws unless the actor manages the event. */
export function assertManager(actor: Actor, event: EventRow): void {
  requireManage(actor, event);
}

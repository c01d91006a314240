// Roadshows and exhibitions: an organiser publishes an event; people register up to its capacity and
// then wait in line (never more seats than the capacity, however many register at once); a
// cancellation seats the next in line; staff check tickets in; judges score pitches; attendees
// record follow-up intents; the organiser sees the statistics.
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/lib/schema.js';
import { clock } from '../../server/lib/clock.js';
import { createAchievement, createLoggedInUser, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
afterEach(() => clock.reset());

const DAY = 86400_000;
const inDays = (d: number) => new Date(clock.now().getTime() + d * DAY).toISOString();

async function organiserWithEvent(capacity: number, extra: Record<string, unknown> = {}) {
  const organiser = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
  const res = await organiser.session.inject({
    method: 'POST',
    url: '/api/events',
    payload: {
      kind: 'roadshow',
      mode: 'offline',
      title: '海河科技成果路演（新材料专场）',
      summary: '面向新材料领域的成果路演与对接',
      venue: '天津市河西区友谊路 津桥路演厅',
      startsAt: inDays(10),
      endsAt: new Date(Date.parse(inDays(10)) + 4 * 3600_000).toISOString(),
      capacity,
      agenda: [
        { startsAt: inDays(10), endsAt: new Date(Date.parse(inDays(10)) + 1800_000).toISOString(), title: '开场致辞', speaker: '市科技局' },
      ],
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { organiser, event: res.json() as { id: string; pitchMinutes: number; qaMinutes: number; capacity: number } };
}

const register = (s: LoggedIn, eventId: string) => s.inject({ method: 'POST', url: `/api/events/${eventId}/registrations`, payload: {} });

// Many logins each (password hashing): generous timeouts on a shared machine; no assertion is on time.
const SLOW = 120_000;

describe('events', () => {
  it(
    'publishes an event with the 8 + 7 minute defaults, listed publicly',
    async () => {
      const { event } = await organiserWithEvent(50);
      expect(event).toMatchObject({ pitchMinutes: 8, qaMinutes: 7, capacity: 50 });
      const list = await t.app.inject({ method: 'GET', url: '/api/events?when=upcoming' });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toContainEqual(expect.objectContaining({ id: event.id, registered: 0, waitlisted: 0 }));
      const detail = (await t.app.inject({ method: 'GET', url: `/api/events/${event.id}` })).json();
      expect(detail.agenda).toHaveLength(1);
      expect(detail.actions).toEqual([]);
    },
    SLOW,
  );

  it(
    'never seats more than the capacity under concurrent registrations; the rest wait in arrival order',
    async () => {
      const { organiser, event } = await organiserWithEvent(5);
      const people = await Promise.all(Array.from({ length: 16 }, () => createLoggedInUser(t.app, t.db, { role: 'org_member' })));
      const results = await Promise.all(people.map((p) => register(p.session, event.id)));
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const statuses = results.map((r) => r.json().status as string);
      expect(statuses.filter((s) => s === 'registered')).toHaveLength(5);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(11);
      const places = results.flatMap((r) => (r.json().waitlistPlace === null ? [] : [r.json().waitlistPlace as number]));
      // Places are given under the lock, one after another: 1..11 once each (at the time of each answer, so ≤ its final place).
      expect(new Set(places).size).toBe(11);

      const regs = (await organiser.session.inject({ method: 'GET', url: `/api/events/${event.id}/registrations` })).json().items as Array<{
        status: string;
      }>;
      expect(regs.filter((r) => r.status === 'registered')).toHaveLength(5);
      const list = (await t.app.inject({ method: 'GET', url: '/api/events' })).json().items;
      expect(list).toContainEqual(expect.objectContaining({ id: event.id, registered: 5, waitlisted: 11 }));

      // A second registration by the same person is refused.
      const again = await register(people[0]!.session, event.id);
      expect(again.statusCode).toBe(409);
    },
    SLOW,
  );

  it(
    'seats the first in line when a registered person cancels, and tells them',
    async () => {
      const { event } = await organiserWithEvent(2);
      const [a, b, c, d] = await Promise.all(Array.from({ length: 4 }, () => createLoggedInUser(t.app, t.db, { role: 'org_member' })));
      const ids: string[] = [];
      for (const p of [a!, b!, c!, d!]) ids.push((await register(p.session, event.id)).json().id);
      const mine = async (p: LoggedIn) => (await p.inject({ method: 'GET', url: '/api/me/event-registrations' })).json().items[0];
      expect(await mine(c!.session)).toMatchObject({ status: 'waitlisted', waitlistPlace: 1, ticket: null });
      expect(await mine(d!.session)).toMatchObject({ status: 'waitlisted', waitlistPlace: 2 });

      // Someone else cannot cancel another's registration.
      expect((await d!.session.inject({ method: 'POST', url: `/api/event-registrations/${ids[0]}/cancel` })).statusCode).toBe(404);
      const cancelled = await a!.session.inject({ method: 'POST', url: `/api/event-registrations/${ids[0]}/cancel` });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');

      const promoted = await mine(c!.session);
      expect(promoted).toMatchObject({ status: 'registered', waitlistPlace: null });
      expect(promoted.ticket).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
      expect(await mine(d!.session)).toMatchObject({ status: 'waitlisted', waitlistPlace: 1 });
      const notes = (await c!.session.inject({ method: 'GET', url: '/api/me/notifications' })).json().items;
      expect(notes).toContainEqual(expect.objectContaining({ kind: 'event_promoted' }));

      // A waitlisted person leaving seats nobody; the seat count stays at the capacity.
      await d!.session.inject({ method: 'POST', url: `/api/event-registrations/${ids[3]}/cancel` });
      const list = (await t.app.inject({ method: 'GET', url: '/api/events' })).json().items;
      expect(list).toContainEqual(expect.objectContaining({ id: event.id, registered: 2, waitlisted: 0 }));
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'event.promote'), eq(auditLog.entityId, ids[2]!)));
      expect(audit).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'checks in a signed ticket once; forged tickets and other staff are refused',
    async () => {
      const { organiser, event } = await organiserWithEvent(10);
      const guest = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
      const reg = (await register(guest.session, event.id)).json();
      expect(reg.ticket).toBeTruthy();

      const checkIn = (s: LoggedIn, ticket: string) =>
        s.inject({ method: 'POST', url: `/api/events/${event.id}/check-in`, payload: { ticket } });
      const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
      expect((await checkIn(stranger.session, reg.ticket)).statusCode).toBe(403);
      const forged = await checkIn(organiser.session, `${reg.id}.${'x'.repeat(22)}`);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().errors[0].field).toBe('body.ticket');

      const ok = await checkIn(organiser.session, reg.ticket);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'checked_in', ticket: null });
      expect((await checkIn(organiser.session, reg.ticket)).statusCode).toBe(409);

      const stats = (await organiser.session.inject({ method: 'GET', url: `/api/events/${event.id}/statistics` })).json();
      expect(stats).toMatchObject({ capacity: 10, checkedIn: 1, registered: 0, attendanceRate: 1 });
    },
    SLOW,
  );

  it(
    'judges score pitches once the event has begun; results and intents reach the statistics',
    async () => {
      const judges = await Promise.all([1, 2].map(() => createUser(t.db, { role: 'expert' })));
      const { organiser, event } = await organiserWithEvent(30, { judgeUserIds: judges.map((j) => j.id) });
      const owner = await createUser(t.db, { role: 'org_member' });
      const achievement = await createAchievement(t.db, { by: owner, status: 'published', input: { title: '石墨烯改性防腐涂料' } });
      const added = await organiser.session.inject({
        method: 'POST',
        url: `/api/events/${event.id}/projects`,
        payload: { achievementId: achievement.id },
      });
      expect(added.statusCode, added.body).toBe(201);
      const project = added.json().projects[0];
      expect(project).toMatchObject({ title: '石墨烯改性防腐涂料', pitchMinutes: 8, qaMinutes: 7 });

      const [j1, j2] = await Promise.all(judges.map((j) => loginAs(t.app, j)));
      const score = (s: LoggedIn, scores: Record<string, number>) =>
        s.inject({ method: 'POST', url: `/api/events/${event.id}/projects/${project.id}/scores`, payload: { scores } });
      const sheet = { technology: 26, market: 20, business_model: 16, team: 12, presentation: 8 };
      expect((await score(j1!, sheet)).statusCode).toBe(409); // before the start
      clock.advance(10 * DAY + 3600_000);
      const over = await score(j1!, { ...sheet, team: 16 });
      expect(over.statusCode).toBe(400);
      expect(over.json().errors[0].field).toBe('body.scores.team');
      expect((await score(j1!, sheet)).statusCode).toBe(201);
      expect((await score(j1!, sheet)).statusCode).toBe(409);
      expect((await score(j2!, { ...sheet, technology: 22 })).statusCode).toBe(201);
      const outsider = await createLoggedInUser(t.app, t.db, { role: 'expert' });
      expect((await score(outsider.session, sheet)).statusCode).toBe(403);

      const investor = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
      const intent = await investor.session.inject({
        method: 'POST',
        url: `/api/events/${event.id}/projects/${project.id}/intents`,
        payload: { kind: 'licence', note: '希望洽谈许可实施' },
      });
      expect(intent.statusCode, intent.body).toBe(201);
      const ownerNotes = (await (await loginAs(t.app, owner)).inject({ method: 'GET', url: '/api/me/notifications' })).json().items;
      expect(ownerNotes).toContainEqual(expect.objectContaining({ kind: 'event_intent' }));

      const stats = (await organiser.session.inject({ method: 'GET', url: `/api/events/${event.id}/statistics` })).json();
      expect(stats.projects).toEqual([expect.objectContaining({ id: project.id, mean: 80, scored: 2, intents: 1 })]);
      expect(stats.intentsByKind).toEqual({ licence: 1 });
      // Before the end, the public sees no scores; after it, everyone does.
      expect((await t.app.inject({ method: 'GET', url: `/api/events/${event.id}` })).json().projects[0].result).toBeNull();
      clock.advance(5 * 3600_000);
      expect((await t.app.inject({ method: 'GET', url: `/api/events/${event.id}` })).json().projects[0].result).toMatchObject({
        mean: 80,
        scored: 2,
      });
    },
    SLOW,
  );

  it(
    'refuses registration after it closes, and a 400 naming the field for a bad event',
    async () => {
      const { event } = await organiserWithEvent(10);
      const late = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
      clock.advance(10 * DAY + 1000);
      expect((await register(late.session, event.id)).statusCode).toBe(409);
      clock.reset();
      const { organiser } = await organiserWithEvent(1);
      const bad = await organiser.session.inject({
        method: 'POST',
        url: '/api/events',
        payload: {
          kind: 'roadshow',
          mode: 'online',
          title: '线上路演',
          startsAt: inDays(3),
          endsAt: inDays(2),
          capacity: 10,
          onlineUrl: 'https://meeting.example.cn/1',
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.endsAt');
    },
    SLOW,
  );
});

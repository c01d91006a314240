import type { EventStatistics, EventSummary, EventView, RegistrationView } from '../../../common/api/events.js';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { clock } from '../../lib/clock.js';
import { userNames } from '../identity/members.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { isJudge, mayManage } from './access.js';
import { myLiveRegistration, waitingSeqs, type RegistrationRow } from './registrations.js';
import { editable, registrationOpen, signTicket, waitlistPlace } from './rules.js';
import { ROADSHOW_PITCH, aggregateTotals } from './scoring.js';
import { loadEventDetail, projectCounts, registrationCounts, type EventRow } from './service.js';

export async function presentEventSummaries(db: DbOrTx, rows: EventRow[]): Promise<EventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [orgs, counts, projects] = [
    await organizationsByIds(
      db,
      rows.map((r) => r.organizerOrganizationId),
    ),
    await registrationCounts(db, ids),
    await projectCounts(db, ids),
  ];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EventSummary['kind'],
    mode: r.mode as EventSummary['mode'],
    title: r.title,
    summary: r.summary,
    venue: r.venue,
    regionCode: r.regionCode,
    organizer: { id: r.organizerOrganizationId, name: orgs.get(r.organizerOrganizationId)?.name ?? '' },
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    registrationClosesAt: r.registrationClosesAt.toISOString(),
    status: r.status as EventSummary['status'],
    capacity: r.capacity,
    registered: counts.get(r.id)?.seated ?? 0,
    waitlisted: counts.get(r.id)?.waitlisted ?? 0,
    projectCount: projects.get(r.id) ?? 0,
  }));
}

export async function presentRegistrations(
  db: DbOrTx,
  rows: RegistrationRow[],
  opts: { withTicketFor?: string | null; events: Map<string, EventRow> },
): Promise<RegistrationView[]> {
  const [names, orgs, waiting] = [
    await userNames(
      db,
      rows.map((r) => r.userId),
    ),
    await organizationsByIds(
      db,
      rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])),
    ),
    await waitingSeqs(db, [...new Set(rows.map((r) => r.eventId))]),
  ];
  return rows.map((r) => {
    const event = opts.events.get(r.eventId)!;
    const holder = opts.withTicketFor === r.userId;
    return {
      id: r.id,
      eventId: r.eventId,
      eventTitle: event.title,
      eventStartsAt: event.startsAt.toISOString(),
      userName: names.get(r.userId) ?? '',
      organizationName: r.organizationId ? (orgs.get(r.organizationId)?.name ?? null) : null,
      status: r.status as RegistrationView['status'],
      waitlistPlace: r.status === 'waitlisted' ? waitlistPlace(r.seq, waiting.get(r.eventId) ?? []) : null,
      ticket: holder && (r.status === 'registered' || r.status === 'checked_in') ? signTicket(event.ticketKey, event.id, r.id) : null,
      createdAt: r.createdAt.toISOString(),
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
    };
  });
}

export async function presentEvent(db: DbOrTx, actor: Actor, id: string): Promise<EventView> {
  const { event, agenda, projects, scores, intents } = await loadEventDetail(db, id);
  const [summary] = await presentEventSummaries(db, [event]);
  const now = clock.now();
  const manager = mayManage(actor, event);
  const judge = isJudge(actor, event);
  const showScores = manager || now >= event.endsAt;
  const mine = await myLiveRegistration(db, actor, event.id);
  const [myRegistration] = mine
    ? await presentRegistrations(db, [mine], { withTicketFor: actor.userId, events: new Map([[event.id, event]]) })
    : [];
  const actions: EventView['actions'] = [];
  const live = mine && mine.status !== 'cancelled';
  if (actor.kind === 'user' && !live && registrationOpen(event, now)) actions.push('register');
  if (manager) actions.push('manage', 'check_in');
  if (manager && editable(event, now)) actions.push('edit');
  if (judge && event.status === 'published' && now >= event.startsAt) actions.push('judge');
  if (actor.kind === 'user' && event.status === 'published') actions.push('intent');
  return {
    ...summary!,
    onlineUrl: event.onlineUrl,
    pitchMinutes: event.pitchMinutes,
    qaMinutes: event.qaMinutes,
    agenda: agenda.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      title: a.title,
      speaker: a.speaker,
    })),
    projects: projects.map((p) => {
      const totals = scores.filter((s) => s.projectId === p.id).map((s) => s.total);
      const agg = totals.length ? aggregateTotals(totals) : null;
      return {
        id: p.id,
        position: p.position,
        achievementId: p.achievementId,
        title: p.title,
        presenterOrganizationName: p.presenterOrganizationName,
        pitchMinutes: p.pitchMinutes,
        qaMinutes: p.qaMinutes,
        result: showScores
          ? {
              sheetKey: ROADSHOW_PITCH.key,
              judges: event.judgeUserIds.length,
              scored: totals.length,
              mean: agg?.mean ?? null,
              dropped: agg?.dropped ?? [],
            }
          : null,
        intents: intents.filter((i) => i.projectId === p.id).length,
        scoredByMe: judge && scores.some((s) => s.projectId === p.id && s.judgeUserId === actor.userId),
      };
    }),
    scoreSheet: ROADSHOW_PITCH,
    myRegistration: myRegistration ?? null,
    actions,
  };
}

export async function presentStatistics(db: DbOrTx, id: string): Promise<z.infer<typeof EventStatistics>> {
  const { event, projects, scores, intents } = await loadEventDetail(db, id);
  const c = (await registrationCounts(db, [id])).get(id)!;
  const registeredOnly = c.seated - c.checkedIn;
  const byKind: Record<string, number> = {};
  for (const i of intents) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
  return {
    capacity: event.capacity,
    registered: registeredOnly,
    waitlisted: c.waitlisted,
    checkedIn: c.checkedIn,
    cancelled: c.cancelled,
    attendanceRate: c.seated > 0 ? Math.round((c.checkedIn / c.seated) * 1000) / 1000 : null,
    intentOrganizations: new Set(intents.flatMap((i) => (i.organizationId ? [i.organizationId] : []))).size,
    intents: intents.length,
    intentsByKind: byKind,
    projects: projects.map((p) => {
      const totals = scores.filter((s) => s.projectId === p.id).map((s) => s.total);
      return {
        id: p.id,
        title: p.title,
        mean: totals.length ? aggregateTotals(totals).mean : null,
        scored: totals.length,
        intents: intents.filter((i) => i.projectId === p.id).length,
      };
    }),
  };
}

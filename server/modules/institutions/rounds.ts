import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ApplicationStatus,
  CreateRoundBody,
  RoundStatus,
  RoundSummary,
  RoundTransition,
  RoundView,
} from '../../../common/api/institutions.js';
import { ROUND_TRANSITIONS } from '../../../common/api/institutions.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { addLocalDays, localDateOf, workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { APPLICATION_TRANSITION_TABLE, ROUND_TRANSITION_TABLE, roundTransitionAllowed, type ApplicationTransition } from './lifecycle.js';
import { isCertifier, requireCertifier } from './policy.js';
import { prefillFigures, today } from './records.js';
import { allPassed, checkThresholds, DEFAULT_THRESHOLDS, titleAfterYear } from './rules.js';
import { sheetOf } from '../experts/scoring.js';
import { demonstrationApplications, demonstrationRounds, demonstrationTitles } from './schema.js';
import { panelSummary, SHEET_KEY } from './panel.js';

/** Demonstration rounds: opened by a certifier, closed, published with a notice period, finalised into titles. */
export type RoundRow = typeof demonstrationRounds.$inferSelect;
type ApplicationRow = typeof demonstrationApplications.$inferSelect;

export async function lockRound(tx: Tx, id: string): Promise<RoundRow> {
  const [row] = await tx.select().from(demonstrationRounds).where(eq(demonstrationRounds.id, id)).for('update');
  if (!row) throw AppError.notFound('Round');
  return row;
}

export async function findRound(db: DbOrTx, id: string): Promise<RoundRow> {
  const [row] = await db.select().from(demonstrationRounds).where(eq(demonstrationRounds.id, id));
  if (!row) throw AppError.notFound('Round');
  return row;
}

export async function createRound(opts: { db: Db; actor: Actor; input: z.infer<typeof CreateRoundBody> }): Promise<string> {
  requireCertifier(opts.actor);
  const { input } = opts;
  if (input.applicationDeadline < today()) throw AppError.validation('body.applicationDeadline', 'is in the past');
  const keys = (input.thresholds ?? []).map((t) => t.key);
  if (new Set(keys).size !== keys.length) throw AppError.validation('body.thresholds', 'keys must be unique');
  const now = clock.now();
  const row = {
    id: newId(),
    year: input.year,
    title: input.title,
    status: 'open' as RoundStatus,
    applicationDeadline: input.applicationDeadline,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
    passMark: input.passMark,
    panelSize: input.panelSize,
    noticeWorkingDays: input.noticeWorkingDays,
    termYears: input.termYears,
    openedBy: opts.actor.userId,
    publishedAt: null,
    noticeEndsAt: null,
    finalisedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: demonstrationRounds.id })
      .from(demonstrationRounds)
      .where(eq(demonstrationRounds.year, input.year));
    if (taken)
      throw new AppError('conflict', `There is already a round for ${input.year}`, {
        fields: [{ field: 'body.year', message: 'already has a round' }],
      });
    await tx.insert(demonstrationRounds).values(row);
    await writeAudit(tx, opts.actor, { action: 'demonstration_round.open', entity: 'demonstration_round', entityId: row.id, after: row });
  });
  return row.id;
}

async function moveApplication(
  tx: Tx,
  actor: Actor,
  app: ApplicationRow,
  name: ApplicationTransition,
  extra: Record<string, unknown> = {},
) {
  const t = APPLICATION_TRANSITION_TABLE[name];
  await tx
    .update(demonstrationApplications)
    .set({ status: t.to, updatedAt: clock.now(), ...extra })
    .where(eq(demonstrationApplications.id, app.id));
  await writeAudit(tx, actor, {
    action: `demonstration_application.${name}`,
    entity: 'demonstration_application',
    entityId: app.id,
    organizationId: app.organizationId,
    before: { status: app.status },
    after: { status: t.to, ...extra },
  });
}

export async function transitionRound(opts: { db: Db; actor: Actor; id: string; action: RoundTransition }) {
  requireCertifier(opts.actor);
  const { actor, action } = opts;
  await opts.db.transaction(async (tx) => {
    const round = await lockRound(tx, opts.id);
    const status = round.status as RoundStatus;
    if (!roundTransitionAllowed(action, status)) throw AppError.conflict(`Cannot ${action} a round that is ${status}`);
    const now = clock.now();
    const apps = await tx
      .select()
      .from(demonstrationApplications)
      .where(eq(demonstrationApplications.roundId, round.id))
      .orderBy(asc(demonstrationApplications.createdAt))
      .for('update');
    const set: Partial<RoundRow> = { status: ROUND_TRANSITION_TABLE[action].to, updatedAt: now };
    if (action === 'close_applications') {
      if (today() <= round.applicationDeadline) throw AppError.conflict(`Applications are open until ${round.applicationDeadline}`);
      for (const app of apps.filter((a) => a.status === 'submitted')) {
        const eligible = allPassed(app.checks);
        await moveApplication(tx, actor, app, eligible ? 'admit' : 'reject_ineligible');
        await notify(tx, {
          organizationId: app.organizationId,
          kind: 'demonstration_checked',
          title: eligible ? `「${round.title}」申报已通过形式审查，进入专家评审` : `「${round.title}」申报未通过形式审查`,
          link: `/workspace/demonstration/${app.id}`,
        });
      }
    } else if (action === 'publish') {
      const scoring = apps.filter((a) => a.status === 'scoring');
      const results = new Map<string, Awaited<ReturnType<typeof panelSummary>>>();
      for (const app of scoring) {
        const r = await panelSummary(tx, app.id);
        if (!r) throw AppError.conflict(`Application ${app.id} has no expert panel yet`);
        if (!r.complete || r.mean === null)
          throw AppError.conflict(`Application ${app.id}: ${r.scored} of ${r.scorers.length} experts have scored`);
        results.set(app.id, r);
      }
      for (const app of scoring) {
        const mean = results.get(app.id)!.mean!;
        await moveApplication(tx, actor, app, mean >= round.passMark ? 'approve' : 'not_approve', { meanScore: mean });
      }
      set.publishedAt = now;
      set.noticeEndsAt = workingDayDeadline(now, round.noticeWorkingDays);
      for (const app of scoring)
        await notify(tx, {
          organizationId: app.organizationId,
          kind: 'demonstration_published',
          title: `「${round.title}」评审结果已公示（公示期至 ${localDateOf(set.noticeEndsAt)}）`,
          link: `/institutions/rounds/${round.id}`,
        });
    } else {
      if (!round.noticeEndsAt || now < round.noticeEndsAt)
        throw AppError.conflict(`The notice period runs until ${round.noticeEndsAt?.toISOString() ?? '—'}`);
      set.finalisedAt = now;
      await finaliseTitles(tx, actor, round, apps);
    }
    await tx.update(demonstrationRounds).set(set).where(eq(demonstrationRounds.id, round.id));
    await writeAudit(tx, actor, {
      action: `demonstration_round.${action}`,
      entity: 'demonstration_round',
      entityId: round.id,
      before: { status },
      after: { status: set.status, noticeEndsAt: set.noticeEndsAt ?? null },
    });
  });
}

/** A term of N years from the award day, through the day before its Nth anniversary. */
export const termEnd = (awardedOn: string, years: number) =>
  addLocalDays(`${Number(awardedOn.slice(0, 4)) + years}${awardedOn.slice(4)}`.replace(/-02-29$/, '-02-28'), -1);

/**
 * Grants titles to the approved applicants, then counts the year for every other holder: passing
 * this round's thresholds (their application's checks, or the platform's figures when they did not
 * apply; thresholds on figures nobody declared are not counted) clears failing years; two failing
 * years in a row lose the title.
 */
async function finaliseTitles(tx: Tx, actor: Actor, round: RoundRow, apps: ApplicationRow[]) {
  const day = today();
  const approved = apps.filter((a) => a.status === 'approved');
  for (const app of approved) {
    const title = {
      id: newId(),
      organizationId: app.organizationId,
      roundId: round.id,
      status: 'held',
      awardedOn: day,
      expiresOn: termEnd(day, round.termYears),
      failingYears: 0,
      checkedYears: [round.year],
      updatedAt: clock.now(),
    };
    await tx.insert(demonstrationTitles).values(title);
    await writeAudit(tx, actor, {
      action: 'demonstration_title.grant',
      entity: 'demonstration_title',
      entityId: title.id,
      organizationId: app.organizationId,
      after: title,
    });
    await notify(tx, {
      organizationId: app.organizationId,
      kind: 'demonstration_granted',
      title: `已被认定为技术转移示范机构（${round.year}年度，有效期至 ${title.expiresOn}）`,
      link: `/institutions/${app.organizationId}`,
    });
  }
  const holders = await tx
    .select()
    .from(demonstrationTitles)
    .where(and(eq(demonstrationTitles.status, 'held')))
    .for('update');
  const byOrg = new Map(apps.map((a) => [a.organizationId, a]));
  for (const t of holders) {
    if (t.roundId === round.id || t.checkedYears.includes(round.year)) continue;
    const app = byOrg.get(t.organizationId);
    const checks =
      app && app.status !== 'draft' && app.status !== 'withdrawn'
        ? app.checks
        : checkThresholds(
            round.thresholds,
            await prefillFigures(tx, t.organizationId, round.year, { incomeLastYearFen: null, complaintsLast2Years: null }),
          );
    const counted = checks.filter((c) => c.conditions.some((k) => k.value !== null));
    const passed = allPassed(counted);
    const next = titleAfterYear({ status: 'held', failingYears: t.failingYears, expiresOn: t.expiresOn }, passed, day);
    await tx
      .update(demonstrationTitles)
      .set({ ...next, checkedYears: [...t.checkedYears, round.year], updatedAt: clock.now() })
      .where(eq(demonstrationTitles.id, t.id));
    await writeAudit(tx, actor, {
      action:
        next.status === 'lost' ? 'demonstration_title.lose' : passed ? 'demonstration_title.pass_year' : 'demonstration_title.fail_year',
      entity: 'demonstration_title',
      entityId: t.id,
      organizationId: t.organizationId,
      before: { status: t.status, failingYears: t.failingYears },
      after: { ...next, year: round.year, failed: checks.filter((c) => !c.passed).map((c) => c.key) },
    });
    if (next.status === 'lost')
      await notify(tx, {
        organizationId: t.organizationId,
        kind: 'demonstration_lost',
        title: `连续两年未达到示范机构条件，示范机构称号已撤销`,
        link: `/institutions/${t.organizationId}`,
      });
  }
}

export async function listRounds(opts: { db: DbOrTx }): Promise<RoundSummary[]> {
  const rows = await opts.db.select().from(demonstrationRounds).orderBy(desc(demonstrationRounds.year));
  const counts = await applicationCounts(
    opts.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => summary(r, counts.get(r.id) ?? 0));
}

async function applicationCounts(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: demonstrationApplications.roundId, n: count() })
    .from(demonstrationApplications)
    .where(
      and(
        inArray(demonstrationApplications.roundId, ids),
        inArray(demonstrationApplications.status, ['submitted', 'ineligible', 'scoring', 'approved', 'not_approved']),
      ),
    )
    .groupBy(demonstrationApplications.roundId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

function summary(r: RoundRow, applications: number): RoundSummary {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    status: r.status as RoundStatus,
    applicationDeadline: r.applicationDeadline,
    noticeEndsAt: r.noticeEndsAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    applications,
  };
}

export async function getRound(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<RoundView> {
  const r = await findRound(opts.db, opts.id);
  const counts = await applicationCounts(opts.db, [r.id]);
  let results: RoundView['results'] = null;
  if (r.publishedAt) {
    const apps = await opts.db
      .select()
      .from(demonstrationApplications)
      .where(and(eq(demonstrationApplications.roundId, r.id), inArray(demonstrationApplications.status, ['approved', 'not_approved'])))
      .orderBy(desc(demonstrationApplications.meanScore));
    const orgs = await organizationsByIds(
      opts.db,
      apps.map((a) => a.organizationId),
    );
    // Public: the approved institutions; certifiers also see those not approved.
    results = apps
      .filter((a) => a.status === 'approved' || isCertifier(opts.actor))
      .map((a) => ({
        organization: { id: a.organizationId, name: orgs.get(a.organizationId)?.name ?? '' },
        mean: a.meanScore,
        status: a.status as ApplicationStatus,
      }));
  }
  const actions: RoundView['actions'] = [];
  if (isCertifier(opts.actor)) for (const t of ROUND_TRANSITIONS) if (roundTransitionAllowed(t, r.status as RoundStatus)) actions.push(t);
  if (r.status === 'open' && today() <= r.applicationDeadline && opts.actor.permissions.has('institution:update_own'))
    actions.push('apply');
  return {
    ...summary(r, counts.get(r.id) ?? 0),
    thresholds: r.thresholds,
    passMark: r.passMark,
    panelSize: r.panelSize,
    noticeWorkingDays: r.noticeWorkingDays,
    termYears: r.termYears,
    sheet: sheetOf(SHEET_KEY),
    results,
    actions,
  };
}

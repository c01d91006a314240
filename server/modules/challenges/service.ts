/**
 * Challenges: a sponsor's problem made from a demand, screened by staff, published, answered by
 * sealed proposals, scored, shortlisted, shown at a roadshow and awarded. This file: the challenge
 * itself (create, edit, read, lists, statistics, transitions). proposals.ts: registrations, sealed
 * proposals, experts and scores. award.ts: stages (赛马) and the winner's contract application.
 */
import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChallengeStatus, ChallengeTransitionBody, CreateChallengeBody, HallQuery, Reward } from '../../../common/api/challenges.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findPublishedRecord } from '../catalog/lookups.js';
import { technicalFieldExists } from '../catalog/repository.js';
import { systemActor } from '../../lib/actor.js';
import { getContract } from '../contracts/service.js';
import { findOrganization, findRegion } from '../organizations/repository.js';
import { canSeeChallenge, isStaff, myOrganizations, sidesOf, type ChallengeRow } from './access.js';
import { CHALLENGE_TRANSITION_TABLE, challengeTransitionAllowed, EDITABLE, PUBLIC_STATUSES } from './lifecycle.js';
import { DEFAULT_PANEL_SIZE, timelineIssues } from './rules.js';
import { openProposalPanels, panelsComplete } from './proposals.js';
import { createChallengeKeys } from './seal.js';
import { challengeAwards, challengeProposals, challengeRegistrations, challenges } from './schema.js';

export { type ChallengeRow } from './access.js';

export const rewardTotal = (r: Reward) => (r.kind === 'prize' ? r.prizes.reduce((s, p) => s + p.count * p.amountFen, 0) : r.budgetFen);
const link = (id: string) => `/challenges/${id}`;

function throwIssues(issues: { field: string; message: string }[]) {
  if (issues.length) throw new AppError('validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { fields: issues });
}

const timelineOf = (input: CreateChallengeBody) => ({
  registrationDeadline: new Date(input.timeline.registrationDeadline),
  submissionDeadline: new Date(input.timeline.submissionDeadline),
  scoringDueAt: input.timeline.scoringDueAt ? new Date(input.timeline.scoringDueAt) : null,
  roadshowAt: input.timeline.roadshowAt ? new Date(input.timeline.roadshowAt) : null,
  awardAt: input.timeline.awardAt ? new Date(input.timeline.awardAt) : null,
});

async function contentColumns(db: DbOrTx, input: CreateChallengeBody) {
  const timeline = timelineOf(input);
  const issues = timelineIssues(timeline);
  if (!(await technicalFieldExists(db, input.fieldCode))) issues.push({ field: 'body.fieldCode', message: 'is not a technical field' });
  throwIssues(issues);
  return {
    title: input.title,
    problem: input.problem,
    targets: input.targets,
    fieldCode: input.fieldCode,
    reward: input.reward,
    rewardTotalFen: rewardTotal(input.reward),
    ipTerms: input.ipTerms,
    sponsorAnonymous: input.sponsorAnonymous,
    ...timeline,
  };
}

/**
 * A draft challenge (需求征集). A sponsor files it for its own organisation, usually from one of its
 * published demands; staff may file it for the organisation whose demand it is.
 */
export async function createChallenge(opts: { db: Db; actor: Actor; input: CreateChallengeBody }): Promise<string> {
  const { actor, input, db } = opts;
  requireUser(actor);
  const staffAny = actor.permissions.has('challenge:manage');
  if (!actor.permissions.has('challenge:sponsor') && !staffAny) throw AppError.forbidden('Missing permission challenge:sponsor');
  const demand = input.demandId ? await findPublishedRecord(db, actor, 'demand', input.demandId) : null;
  if (input.demandId && !demand) throw AppError.validation('body.demandId', 'is not a published demand');
  const mine = myOrganizations(actor);
  let organizationId = input.organizationId ?? demand?.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!organizationId) throw AppError.validation('body.organizationId', 'name the sponsoring organisation');
  if (demand && demand.organizationId !== organizationId)
    throw AppError.validation('body.demandId', 'is a demand of another organisation than the sponsor');
  const org = await findOrganization(db, organizationId);
  if (!org || org.status !== 'active') throw AppError.validation('body.organizationId', 'is not an active organisation');
  const region = await findRegion(db, org.regionCode);
  const regionPath = region?.path ?? `/${org.regionCode}/`;
  const mayFile = (mine.includes(organizationId) && actor.permissions.has('challenge:sponsor')) || isStaff(actor, { regionPath });
  if (!mayFile) throw AppError.forbidden('You may file challenges for your own organisation only');
  organizationId = org.id;
  const columns = await contentColumns(db, input);
  const now = clock.now();
  const id = newId();
  const row = {
    id,
    organizationId,
    regionPath,
    createdBy: actor.userId,
    demandId: demand?.id ?? null,
    status: 'draft' as ChallengeStatus,
    ...columns,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(challenges).values(row);
    await writeAudit(tx, actor, { action: 'challenge.create', entity: 'challenge', entityId: id, organizationId, after: row });
  });
  return id;
}

async function lockChallenge(tx: Tx, actor: Actor, id: string): Promise<ChallengeRow> {
  const [row] = await tx.select().from(challenges).where(eq(challenges.id, id)).for('update');
  if (!row || !canSeeChallenge(actor, row)) throw AppError.notFound('Challenge');
  return row;
}

export async function updateChallenge(opts: { db: Db; actor: Actor; id: string; input: CreateChallengeBody }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const row = await lockChallenge(tx, opts.actor, opts.id);
    if (sidesOf(opts.actor, row).length === 0) throw AppError.forbidden('Only the sponsor or staff may edit the challenge');
    if (!EDITABLE.includes(row.status as ChallengeStatus)) throw AppError.conflict(`A ${row.status} challenge cannot be edited`);
    if (opts.input.demandId && opts.input.demandId !== row.demandId)
      throw AppError.validation('body.demandId', 'cannot change once the challenge is filed');
    const columns = await contentColumns(tx, opts.input);
    await tx
      .update(challenges)
      .set({ ...columns, updatedAt: clock.now() })
      .where(eq(challenges.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'challenge.update',
      entity: 'challenge',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { title: row.title, rewardTotalFen: row.rewardTotalFen, submissionDeadline: row.submissionDeadline.toISOString() },
      after: { ...columns, submissionDeadline: columns.submissionDeadline.toISOString() },
    });
  });
}

export async function getChallenge(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<ChallengeRow> {
  const [row] = await opts.db.select().from(challenges).where(eq(challenges.id, opts.id));
  if (!row || !canSeeChallenge(opts.actor, row)) throw AppError.notFound('Challenge');
  return row;
}

/** The public hall: published challenges, those still open first (nearest deadline first), then the rest. */
export async function listHall(opts: { db: Db; query: z.infer<typeof HallQuery> }): Promise<ChallengeRow[]> {
  const now = clock.now();
  const { status, limit } = opts.query;
  const where =
    status === 'open'
      ? and(eq(challenges.status, 'published'), sql`${challenges.submissionDeadline} > ${now.toISOString()}`)
      : status === 'all'
        ? inArray(challenges.status, [...PUBLIC_STATUSES])
        : PUBLIC_STATUSES.includes(status)
          ? eq(challenges.status, status)
          : sql`false`;
  return opts.db
    .select()
    .from(challenges)
    .where(where)
    .orderBy(
      sql`case when ${challenges.status} = 'published' and ${challenges.submissionDeadline} > ${now.toISOString()} then 0 else 1 end`,
      sql`case when ${challenges.status} = 'published' then ${challenges.submissionDeadline} end asc`,
      desc(challenges.publishedAt),
      desc(challenges.id),
    )
    .limit(limit);
}

/** Challenges my organisations sponsor or registered for; staff: every challenge in their scope (screening first). */
export async function listMyChallenges(opts: { db: Db; actor: Actor }): Promise<ChallengeRow[]> {
  requireUser(opts.actor);
  const mine = myOrganizations(opts.actor);
  const registered = mine.length
    ? (
        await opts.db
          .select({ id: challengeRegistrations.challengeId })
          .from(challengeRegistrations)
          .where(inArray(challengeRegistrations.organizationId, mine))
      ).map((r) => r.id)
    : [];
  const rows = await opts.db
    .select()
    .from(challenges)
    .where(
      or(
        mine.length ? inArray(challenges.organizationId, mine) : sql`false`,
        registered.length ? inArray(challenges.id, registered) : sql`false`,
        opts.actor.permissions.has('challenge:manage') ? sql`true` : sql`false`,
      ),
    )
    .orderBy(sql`case when ${challenges.status} = 'screening' then 0 else 1 end`, desc(challenges.updatedAt))
    .limit(500);
  return rows.filter((r) => mine.includes(r.organizationId) || registered.includes(r.id) || isStaff(opts.actor, r));
}

/** Hall figures: challenges published, open now, proposals, awards, contract applications and contracts signed (certified). */
export async function challengeStatistics(opts: { db: Db }) {
  const now = clock.now();
  const [c] = await opts.db
    .select({
      challenges: count(),
      open: sql<number>`count(*) filter (where ${challenges.status} = 'published' and ${challenges.submissionDeadline} > ${now.toISOString()})`,
    })
    .from(challenges)
    .where(inArray(challenges.status, [...PUBLIC_STATUSES]));
  const [p] = await opts.db
    .select({ n: count() })
    .from(challengeProposals)
    .innerJoin(challenges, eq(challenges.id, challengeProposals.challengeId))
    .where(inArray(challenges.status, [...PUBLIC_STATUSES]));
  const awards = await opts.db.select({ contractId: challengeAwards.contractId }).from(challengeAwards);
  const contractIds = awards.map((a) => a.contractId).filter((x): x is string => x !== null);
  let signed = 0;
  for (const id of contractIds) {
    const contract = await getContract({ db: opts.db, actor: systemActor('challenges:statistics'), id }).catch(() => null);
    if (contract?.row.status === 'certified') signed++;
  }
  return {
    challenges: Number(c?.challenges ?? 0),
    open: Number(c?.open ?? 0),
    proposals: Number(p?.n ?? 0),
    awards: awards.length,
    contractApplications: contractIds.length,
    contractsSigned: signed,
  };
}

/** Counts for the hall's cards. */
export async function countsOf(db: DbOrTx, ids: string[]) {
  const out = new Map<string, { registrations: number; proposals: number }>();
  if (ids.length === 0) return out;
  for (const id of ids) out.set(id, { registrations: 0, proposals: 0 });
  const regs = await db
    .select({ id: challengeRegistrations.challengeId, n: count() })
    .from(challengeRegistrations)
    .where(inArray(challengeRegistrations.challengeId, ids))
    .groupBy(challengeRegistrations.challengeId);
  for (const r of regs) out.get(r.id)!.registrations = Number(r.n);
  const props = await db
    .select({ id: challengeProposals.challengeId, n: count() })
    .from(challengeProposals)
    .where(inArray(challengeProposals.challengeId, ids))
    .groupBy(challengeProposals.challengeId);
  for (const r of props) out.get(r.id)!.proposals = Number(r.n);
  return out;
}

/**
 * Fires one transition of the table (lifecycle.ts) in one transaction with the row locked, audited
 * as `challenge.<action>`. Publication makes the challenge's sealing keys; scoring opens only once the
 * submission deadline has passed on the clock.
 */
export async function transitionChallenge(opts: { db: Db; actor: Actor; id: string; body: ChallengeTransitionBody; sealSecret: Buffer }) {
  requireUser(opts.actor);
  const { body, actor } = opts;
  const t = CHALLENGE_TRANSITION_TABLE[body.action];
  await opts.db.transaction(async (tx) => {
    const row = await lockChallenge(tx, actor, opts.id);
    const sides = sidesOf(actor, row);
    if (!t.by.some((s) => sides.includes(s))) throw AppError.forbidden(`You may not ${body.action} this challenge`);
    const status = row.status as ChallengeStatus;
    if (!challengeTransitionAllowed(body.action, status, sides))
      throw AppError.conflict(`Cannot ${body.action} a challenge that is ${status}`);
    const now = clock.now();
    const set: Partial<typeof challenges.$inferInsert> = { status: t.to, updatedAt: now };
    const after: Record<string, unknown> = { status: t.to };
    if (t.guard === 'before_registration_deadline') throwIssues(timelineIssues(row, now));
    if (t.guard === 'after_submission_deadline' && now < row.submissionDeadline)
      throw AppError.conflict(`Submissions are open until ${row.submissionDeadline.toISOString()}`);
    switch (body.action) {
      case 'return':
      case 'reject':
        if (!body.reason) throw AppError.validation('body.reason', 'say why');
        set.returnReason = body.reason;
        after.reason = body.reason;
        break;
      case 'publish': {
        const keys = createChallengeKeys(opts.sealSecret, row.id);
        set.publishedAt = now;
        set.returnReason = null;
        set.publicKeyPem = keys.publicKeyPem;
        set.wrappedPrivateKey = keys.wrappedPrivateKey;
        after.publishedAt = now.toISOString();
        break;
      }
      case 'start_scoring': {
        const size = body.panelSize ?? DEFAULT_PANEL_SIZE;
        after.panels = await openProposalPanels(tx, actor, row, size);
        after.panelSize = size;
        break;
      }
      case 'shortlist':
        after.shortlisted = await shortlist(tx, row, body.proposalIds ?? []);
        break;
      case 'schedule_roadshow': {
        if (!body.roadshowAt) throw AppError.validation('body.roadshowAt', 'give the date and time of the roadshow');
        if (!body.roadshowPlace) throw AppError.validation('body.roadshowPlace', 'give the place of the roadshow');
        set.roadshowAt = new Date(body.roadshowAt);
        set.roadshowPlace = body.roadshowPlace;
        Object.assign(after, { roadshowAt: body.roadshowAt, roadshowPlace: body.roadshowPlace });
        break;
      }
      case 'award':
        after.awards = await award(tx, row, body.awards ?? [], now);
        set.awardedAt = now;
        break;
      case 'cancel':
        after.reason = body.reason ?? null;
        break;
    }
    await tx.update(challenges).set(set).where(eq(challenges.id, row.id));
    await writeAudit(tx, actor, {
      action: `challenge.${body.action}`,
      entity: 'challenge',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status },
      after,
    });
    await tellAbout(tx, actor, row, body.action);
  });
}

async function shortlist(tx: Tx, row: ChallengeRow, ids: string[]) {
  if (ids.length === 0) throw AppError.validation('body.proposalIds', 'name the proposals that go through (入围)');
  const found = await tx
    .select({ id: challengeProposals.id })
    .from(challengeProposals)
    .where(and(eq(challengeProposals.challengeId, row.id), inArray(challengeProposals.id, ids)));
  const known = new Set(found.map((f) => f.id));
  const bad = ids.findIndex((id) => !known.has(id));
  if (bad >= 0) throw AppError.validation(`body.proposalIds.${bad}`, 'is not a proposal of this challenge');
  const unscored = await panelsComplete(tx, ids);
  if (unscored.length) throw AppError.conflict(`The experts have not finished scoring proposal(s) ${unscored.join(', ')}`);
  await tx.update(challengeProposals).set({ shortlisted: true }).where(inArray(challengeProposals.id, ids));
  return ids;
}

async function award(tx: Tx, row: ChallengeRow, awards: NonNullable<ChallengeTransitionBody['awards']>, now: Date) {
  if (awards.length === 0) throw AppError.validation('body.awards', 'name at least one winning proposal');
  const ids = awards.map((a) => a.proposalId);
  const found = await tx
    .select({ id: challengeProposals.id, organizationId: challengeProposals.organizationId, shortlisted: challengeProposals.shortlisted })
    .from(challengeProposals)
    .where(and(eq(challengeProposals.challengeId, row.id), inArray(challengeProposals.id, ids)));
  const byId = new Map(found.map((f) => [f.id, f]));
  const seen = new Set<string>();
  awards.forEach((a, i) => {
    const p = byId.get(a.proposalId);
    if (!p || !p.shortlisted) throw AppError.validation(`body.awards.${i}.proposalId`, 'is not a shortlisted proposal of this challenge');
    if (seen.has(a.proposalId)) throw AppError.validation(`body.awards.${i}.proposalId`, 'is awarded twice');
    seen.add(a.proposalId);
  });
  const rows = awards.map((a, i) => ({
    id: newId(),
    challengeId: row.id,
    proposalId: a.proposalId,
    organizationId: byId.get(a.proposalId)!.organizationId,
    rank: i + 1,
    prizeLabel: a.prizeLabel,
    amountFen: a.amountFen,
    contractId: null,
    createdAt: now,
  }));
  await tx.insert(challengeAwards).values(rows);
  for (const r of rows)
    await notify(tx, {
      organizationId: r.organizationId,
      kind: 'challenge_awarded',
      title: `恭喜！您的挑战方案在「${row.title}」中获得${r.prizeLabel}`,
      body: '可在赛题页面据此发起技术合同登记申请。',
      link: link(row.id),
      needsAction: true,
    });
  return rows.map((r) => ({ proposalId: r.proposalId, rank: r.rank, prizeLabel: r.prizeLabel, amountFen: r.amountFen }));
}

/** Tells the sponsor (and, on the shortlist, the teams going through) what happened. */
async function tellAbout(tx: Tx, actor: Actor, row: ChallengeRow, action: ChallengeTransitionBody['action']) {
  const titles: Partial<Record<ChallengeTransitionBody['action'], string>> = {
    return: `赛题「${row.title}」被退回修改`,
    reject: `赛题「${row.title}」未入选发榜`,
    publish: `赛题「${row.title}」已发榜`,
    shortlist: `赛题「${row.title}」入围名单已公布`,
    schedule_roadshow: `赛题「${row.title}」路演已安排`,
    award: `赛题「${row.title}」揭榜结果已公布`,
  };
  const title = titles[action];
  if (!title) return;
  await notify(tx, {
    organizationId: row.organizationId,
    exceptUserIds: [actor.userId],
    kind: `challenge_${action}`,
    title,
    link: link(row.id),
  });
  if (action === 'shortlist') {
    const through = await tx
      .select({ organizationId: challengeProposals.organizationId })
      .from(challengeProposals)
      .where(and(eq(challengeProposals.challengeId, row.id), eq(challengeProposals.shortlisted, true)));
    for (const p of through)
      await notify(tx, {
        organizationId: p.organizationId,
        kind: 'challenge_shortlisted',
        title: `您的挑战方案已入围「${row.title}」`,
        link: link(row.id),
      });
  }
}

export const awardsOf = (db: DbOrTx, challengeId: string) =>
  db.select().from(challengeAwards).where(eq(challengeAwards.challengeId, challengeId)).orderBy(asc(challengeAwards.rank));

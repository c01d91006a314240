/**
 * Registrations (报名 + 揭榜协议), sealed proposals (挑战报告), experts and their scores.
 *
 * Sealing (seal.ts): before the submission deadline a proposal is opened for nobody but members of
 * the submitting organisation — not the sponsor, staff, experts or platform admins: the list shows
 * them no content and a single proposal answers 404. After the deadline the challenge's key is
 * unwrapped and the sponsor, staff and the assigned experts read it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignExpertsBody, ChallengeStatus, ProposalBody, RegistrationBody, ScoreBody } from '../../../common/api/challenges.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { effectiveGrants, loadGrantRows } from '../identity/grants.js';
import { userNames } from '../identity/members.js';
import { findOrganization } from '../organizations/repository.js';
import { isSponsor, isStaff, myOrganizations, type ChallengeRow } from './access.js';
import { SCORED_STATUSES } from './lifecycle.js';
import { aggregateTotals, CHALLENGE_PROPOSAL_SHEET, eligibilityIssues, ScoreSheetError, sheetTotal } from './rules.js';
import { openForSubmitter, openWithChallengeKey, sealProposal, unwrapChallengeKey } from './seal.js';
import { challengeExperts, challengeProposals, challengeRegistrations, challenges, challengeScores } from './schema.js';
import { getChallenge } from './service.js';

export type ProposalRow = typeof challengeProposals.$inferSelect;
export type RegistrationRow = typeof challengeRegistrations.$inferSelect;
export type ProposalContent = z.infer<typeof ProposalBody>;

const link = (id: string) => `/challenges/${id}`;
const isSealed = (row: ChallengeRow, now = clock.now()) => now.getTime() < row.submissionDeadline.getTime();

function pickOrganization(actor: Actor, given: string | undefined, field: string) {
  const mine = myOrganizations(actor);
  const id = given ?? (mine.length === 1 ? mine[0] : undefined);
  if (!id) throw AppError.validation(field, mine.length ? 'name the organisation you act for' : 'you belong to no organisation');
  if (!mine.includes(id)) throw AppError.forbidden('You can only act for your own organisation');
  return id;
}

export async function registerForChallenge(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof RegistrationBody> }) {
  requirePermission(opts.actor, 'challenge:solve');
  const { actor, input } = opts;
  const row = await getChallenge(opts);
  const organizationId = pickOrganization(actor, input.organizationId, 'body.organizationId');
  if (row.organizationId === organizationId)
    throw new AppError('conflict', 'The sponsor cannot take up its own challenge', {
      fields: [{ field: 'body.organizationId', message: 'is the sponsor of this challenge' }],
    });
  const now = clock.now();
  if (row.status !== 'published' || now >= row.registrationDeadline)
    throw AppError.conflict(`Registration is closed (${row.status}, deadline ${row.registrationDeadline.toISOString()})`);
  const org = await findOrganization(opts.db, organizationId);
  const issues = eligibilityIssues({
    lead: { type: org!.type, status: org!.status, creditCode: org!.creditCode },
    members: input.consortiumMembers,
  });
  if (issues.length) throw new AppError('validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { fields: issues });
  const registration = {
    id: newId(),
    challengeId: row.id,
    organizationId,
    userId: actor.userId!,
    teamName: input.teamName,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    consortiumMembers: input.consortiumMembers,
    agreementIpTerms: row.ipTerms,
    agreementAcceptedAt: now,
    createdAt: now,
  };
  await opts.db.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: challengeRegistrations.id })
      .from(challengeRegistrations)
      .where(and(eq(challengeRegistrations.challengeId, row.id), eq(challengeRegistrations.organizationId, organizationId)));
    if (already)
      throw new AppError('conflict', 'Your organisation has already registered', {
        fields: [{ field: 'body.organizationId', message: 'has already registered for this challenge' }],
      });
    await tx.insert(challengeRegistrations).values(registration);
    await writeAudit(tx, actor, {
      action: 'challenge.register',
      entity: 'challenge',
      entityId: row.id,
      organizationId,
      after: { ...registration, agreementAccepted: true },
    });
  });
  return registration;
}

/** Seals and stores my organisation's proposal (replacing an earlier one) while submissions are open. */
export async function submitProposal(opts: { db: Db; actor: Actor; id: string; input: ProposalContent; sealSecret: Buffer }) {
  requirePermission(opts.actor, 'challenge:solve');
  const { actor } = opts;
  const row = await getChallenge(opts);
  const mine = myOrganizations(actor);
  const now = clock.now();
  if (row.status !== 'published' || !isSealed(row, now) || !row.publicKeyPem)
    throw AppError.conflict(`Submissions are closed (deadline ${row.submissionDeadline.toISOString()})`);
  const regs = await opts.db
    .select()
    .from(challengeRegistrations)
    .where(
      and(eq(challengeRegistrations.challengeId, row.id), inArray(challengeRegistrations.organizationId, mine.length ? mine : [row.id])),
    );
  if (regs.length === 0) throw AppError.forbidden('Register for the challenge (and accept its agreement) before submitting');
  if (regs.length > 1) throw AppError.validation('body', 'several of your organisations registered; submit as one of them'); // rare
  const reg = regs[0]!;
  for (const [i, a] of opts.input.attachments.entries())
    if (a.dataBase64 && Buffer.from(a.dataBase64, 'base64').length > 1024 * 1024)
      throw AppError.validation(`body.attachments.${i}.dataBase64`, 'must be at most 1 MB');
  return opts.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(challengeProposals).where(eq(challengeProposals.registrationId, reg.id)).for('update');
    const id = existing?.id ?? newId();
    const sealed = sealProposal({
      secret: opts.sealSecret,
      publicKeyPem: row.publicKeyPem!,
      proposalId: id,
      organizationId: reg.organizationId,
      plaintext: Buffer.from(JSON.stringify(opts.input), 'utf8'),
    });
    const values = {
      ciphertext: sealed.ciphertext,
      keyForChallenge: sealed.keyForChallenge,
      keyForSubmitter: sealed.keyForSubmitter,
      digest: sealed.digest,
      submittedAt: now,
      submittedBy: actor.userId!,
    };
    if (existing)
      await tx
        .update(challengeProposals)
        .set({ ...values, revisions: existing.revisions + 1 })
        .where(eq(challengeProposals.id, id));
    else
      await tx
        .insert(challengeProposals)
        .values({ id, challengeId: row.id, registrationId: reg.id, organizationId: reg.organizationId, ...values });
    // The audit log keeps the digest, never the content: it would unseal the proposal.
    await writeAudit(tx, actor, {
      action: existing ? 'challenge.proposal_replace' : 'challenge.proposal_submit',
      entity: 'challenge_proposal',
      entityId: id,
      organizationId: reg.organizationId,
      after: { challengeId: row.id, digest: sealed.digest, bytes: sealed.ciphertext.length },
    });
    if (!existing)
      await notify(tx, {
        organizationId: row.organizationId,
        kind: 'challenge_proposal',
        title: `赛题「${row.title}」收到一份密封挑战方案`,
        body: `截止 ${row.submissionDeadline.toISOString()} 后方可开启。`,
        link: link(row.id),
      });
    const [saved] = await tx.select().from(challengeProposals).where(eq(challengeProposals.id, id));
    return saved!;
  });
}

async function assignedExperts(db: DbOrTx, challengeId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: challengeExperts.userId })
    .from(challengeExperts)
    .where(eq(challengeExperts.challengeId, challengeId));
  return rows.map((r) => r.userId);
}

export type Reader = 'submitter' | 'sponsor' | 'staff' | 'expert';

/**
 * Who may read which proposals of a challenge: the submitter its own, always; after the deadline the
 * sponsor and staff all of them, assigned experts all of them once scoring began.
 */
export async function readersOf(db: DbOrTx, actor: Actor, row: ChallengeRow) {
  const experts = await assignedExperts(db, row.id);
  const expert = actor.kind === 'user' && experts.includes(actor.userId!) && actor.permissions.has('challenge:score');
  const all: Reader[] = [];
  if (isStaff(actor, row)) all.push('staff');
  if (isSponsor(actor, row)) all.push('sponsor');
  if (expert && SCORED_STATUSES.includes(row.status as ChallengeStatus)) all.push('expert');
  return { all, experts, mine: myOrganizations(actor) };
}

export interface LoadedProposal {
  row: ProposalRow;
  registration: RegistrationRow;
  sealed: boolean;
  content: ProposalContent | null;
  readers: Reader[];
}

function openContent(opts: { secret: Buffer; challenge: ChallengeRow; row: ProposalRow; own: boolean; now: Date }): ProposalContent | null {
  const { challenge, row } = opts;
  const plain = opts.own
    ? openForSubmitter(opts.secret, row)
    : openWithChallengeKey(
        unwrapChallengeKey({
          secret: opts.secret,
          challengeId: challenge.id,
          wrappedPrivateKey: challenge.wrappedPrivateKey!,
          deadline: challenge.submissionDeadline,
          now: opts.now,
        }),
        row,
      );
  return JSON.parse(plain.toString('utf8')) as ProposalContent;
}

/** The proposals the actor may know of: all (content after the deadline) for sponsor, staff and experts; else only their own. */
export async function listProposals(opts: { db: Db; actor: Actor; id: string; sealSecret: Buffer }) {
  requireUser(opts.actor);
  const challenge = await getChallenge(opts);
  const { all, mine } = await readersOf(opts.db, opts.actor, challenge);
  const now = clock.now();
  const sealed = isSealed(challenge, now);
  const rows = await opts.db
    .select({ p: challengeProposals, r: challengeRegistrations })
    .from(challengeProposals)
    .innerJoin(challengeRegistrations, eq(challengeRegistrations.id, challengeProposals.registrationId))
    .where(eq(challengeProposals.challengeId, challenge.id))
    .orderBy(asc(challengeProposals.submittedAt), asc(challengeProposals.id));
  const out: LoadedProposal[] = [];
  for (const { p, r } of rows) {
    const own = mine.includes(p.organizationId);
    if (!own && all.length === 0) continue;
    const mayOpen = own || (!sealed && all.length > 0);
    out.push({
      row: p,
      registration: r,
      sealed,
      content: mayOpen ? openContent({ secret: opts.sealSecret, challenge, row: p, own, now }) : null,
      readers: own ? ['submitter', ...all] : all,
    });
  }
  return { challenge, sealed, items: out };
}

/** One proposal: before the deadline 404 to everyone but the submitting organisation. */
export async function getProposal(opts: { db: Db; actor: Actor; id: string; proposalId: string; sealSecret: Buffer }) {
  requireUser(opts.actor);
  const challenge = await getChallenge(opts);
  const [found] = await opts.db
    .select({ p: challengeProposals, r: challengeRegistrations })
    .from(challengeProposals)
    .innerJoin(challengeRegistrations, eq(challengeRegistrations.id, challengeProposals.registrationId))
    .where(and(eq(challengeProposals.id, opts.proposalId), eq(challengeProposals.challengeId, challenge.id)));
  if (!found) throw AppError.notFound('Proposal');
  const { all, mine } = await readersOf(opts.db, opts.actor, challenge);
  const own = mine.includes(found.p.organizationId);
  const now = clock.now();
  const sealed = isSealed(challenge, now);
  if (!own && (sealed || all.length === 0)) throw AppError.notFound('Proposal');
  return {
    challenge,
    proposal: {
      row: found.p,
      registration: found.r,
      sealed,
      content: openContent({ secret: opts.sealSecret, challenge, row: found.p, own, now }),
      readers: (own ? ['submitter', ...all] : all) as Reader[],
    },
  };
}

/** Staff assign experts (users holding the expert role) to score; one from the sponsor's organisation is excluded as conflicted. */
export async function assignExperts(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof AssignExpertsBody> }) {
  requirePermission(opts.actor, 'challenge:manage');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(challenges).where(eq(challenges.id, opts.id)).for('update');
    if (!row || !isStaff(opts.actor, row)) throw AppError.notFound('Challenge');
    if (!['published', 'scoring'].includes(row.status))
      throw AppError.conflict(`Experts are assigned while published or scoring, not ${row.status}`);
    const grants = await loadGrantRows(tx, opts.input.expertUserIds);
    opts.input.expertUserIds.forEach((userId, i) => {
      const g = effectiveGrants(grants.get(userId) ?? []);
      if (!g.some((x) => x.role === 'expert')) throw AppError.validation(`body.expertUserIds.${i}`, 'is not an expert');
      if (g.some((x) => x.organizationId === row.organizationId))
        throw new AppError('conflict', 'An expert of the sponsoring organisation cannot score its challenge', {
          fields: [{ field: `body.expertUserIds.${i}`, message: 'belongs to the sponsoring organisation (conflict of interest)' }],
        });
    });
    const now = clock.now();
    const already = new Set(await assignedExperts(tx, row.id));
    const fresh = [...new Set(opts.input.expertUserIds)].filter((u) => !already.has(u));
    if (fresh.length) await tx.insert(challengeExperts).values(fresh.map((userId) => ({ challengeId: row.id, userId, assignedAt: now })));
    await writeAudit(tx, opts.actor, {
      action: 'challenge.assign_experts',
      entity: 'challenge',
      entityId: row.id,
      organizationId: row.organizationId,
      after: { added: fresh },
    });
    if (fresh.length)
      await notify(tx, {
        userIds: fresh,
        kind: 'challenge_expert',
        title: `请评审赛题「${row.title}」的挑战方案`,
        link: link(row.id),
        needsAction: true,
      });
  });
}

/** An assigned expert's sheet for one proposal (replacing their earlier one) while scoring. */
export async function scoreProposal(opts: {
  db: Db;
  actor: Actor;
  id: string;
  proposalId: string;
  input: z.infer<typeof ScoreBody>;
  sealSecret: Buffer;
}) {
  requirePermission(opts.actor, 'challenge:score');
  const { challenge, proposal } = await getProposal(opts);
  if (!proposal.readers.includes('expert')) throw AppError.forbidden('You are not an expert assigned to this challenge');
  if (challenge.status !== 'scoring') throw AppError.conflict(`Scores are given while scoring, not ${challenge.status}`);
  if (opts.actor.grants.some((g) => g.organizationId === proposal.row.organizationId))
    throw AppError.forbidden('You belong to the submitting organisation (conflict of interest)');
  let total: number;
  try {
    total = sheetTotal(CHALLENGE_PROPOSAL_SHEET, opts.input.scores);
  } catch (e) {
    if (e instanceof ScoreSheetError) throw new AppError('validation_failed', e.message, { fields: e.issues });
    throw e;
  }
  const now = clock.now();
  await opts.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(challengeScores)
      .where(and(eq(challengeScores.proposalId, proposal.row.id), eq(challengeScores.expertUserId, opts.actor.userId!)));
    const values = {
      sheetKey: CHALLENGE_PROPOSAL_SHEET.key,
      scores: opts.input.scores,
      total,
      comment: opts.input.comment ?? null,
      scoredAt: now,
    };
    if (before) await tx.update(challengeScores).set(values).where(eq(challengeScores.id, before.id));
    else await tx.insert(challengeScores).values({ id: newId(), proposalId: proposal.row.id, expertUserId: opts.actor.userId!, ...values });
    await writeAudit(tx, opts.actor, {
      action: 'challenge.score',
      entity: 'challenge_proposal',
      entityId: proposal.row.id,
      organizationId: challenge.organizationId,
      before: before ? { total: before.total, scores: before.scores } : null,
      after: { total, scores: opts.input.scores, comment: values.comment },
    });
  });
}

/** Scores per proposal: the aggregate (drop highest and lowest from five experts) and the sheets. */
export async function scoresOf(db: DbOrTx, proposalIds: string[]) {
  const out = new Map<string, { totals: number[]; sheets: (typeof challengeScores.$inferSelect)[] }>();
  if (proposalIds.length === 0) return out;
  const rows = await db.select().from(challengeScores).where(inArray(challengeScores.proposalId, proposalIds));
  for (const r of rows) {
    const e = out.get(r.proposalId) ?? { totals: [], sheets: [] };
    e.totals.push(r.total);
    e.sheets.push(r);
    out.set(r.proposalId, e);
  }
  return out;
}

export const aggregate = (totals: number[]) => aggregateTotals(totals);

export async function expertsOf(db: DbOrTx, challengeId: string) {
  const ids = await assignedExperts(db, challengeId);
  const names = await userNames(db, ids);
  return ids.map((userId) => ({ userId, name: names.get(userId) ?? '' }));
}

export async function registrationOf(db: DbOrTx, actor: Actor, challengeId: string) {
  const mine = myOrganizations(actor);
  if (mine.length === 0) return null;
  const [reg] = await db
    .select({ r: challengeRegistrations, proposalId: challengeProposals.id })
    .from(challengeRegistrations)
    .leftJoin(challengeProposals, eq(challengeProposals.registrationId, challengeRegistrations.id))
    .where(and(eq(challengeRegistrations.challengeId, challengeId), inArray(challengeRegistrations.organizationId, mine)))
    .limit(1);
  return reg ? { id: reg.r.id, teamName: reg.r.teamName, organizationId: reg.r.organizationId, proposalId: reg.proposalId } : null;
}

/** The team name of each proposal (for the shortlist and the awards, which are public). */
export async function teamNames(db: DbOrTx, proposalIds: string[]): Promise<Map<string, string>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .select({ id: challengeProposals.id, teamName: challengeRegistrations.teamName })
    .from(challengeProposals)
    .innerJoin(challengeRegistrations, eq(challengeRegistrations.id, challengeProposals.registrationId))
    .where(inArray(challengeProposals.id, [...new Set(proposalIds)]));
  return new Map(rows.map((r) => [r.id, r.teamName]));
}

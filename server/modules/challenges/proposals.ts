/**
 * Registrations (报名 + 揭榜协议), sealed proposals (挑战报告), experts and their scores.
 *
 * Sealing (seal.ts): before the submission deadline a proposal is opened for nobody but members of
 * the submitting organisation — not the sponsor, staff, experts or platform admins: the list shows
 * them no content and a single proposal answers 404. After the deadline the challenge's key is
 * unwrapped and the sponsor, staff and the experts seated on its scoring panel read it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChallengeStatus, ProposalBody, RegistrationBody, ScoreBody } from '../../../common/api/challenges.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { openPanel, panelOf, panelResult, submitScores, type PanelView } from '../experts/panels.js';
import { findOrganization } from '../organizations/repository.js';
import { isSponsor, isStaff, myOrganizations, type ChallengeRow } from './access.js';
import { SCORED_STATUSES } from './lifecycle.js';
import { eligibilityIssues, PROPOSAL_SHEET, PROPOSAL_SUBJECT } from './rules.js';
import { openForSubmitter, openWithChallengeKey, sealProposal, unwrapChallengeKey } from './seal.js';
import { challengeProposals, challengeRegistrations } from './schema.js';
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

export type Reader = 'submitter' | 'sponsor' | 'staff' | 'expert';

/** The panel of each proposal (experts module), with the users seated on it (excused experts no longer read it). */
export async function panelsOf(db: DbOrTx, proposalIds: string[]) {
  const out = new Map<string, PanelView>();
  for (const id of proposalIds) {
    const panel = await panelOf(db, PROPOSAL_SUBJECT, id);
    if (panel) out.set(id, panel);
  }
  return out;
}

const seatedUsers = (panel: PanelView | undefined) =>
  (panel?.members ?? []).filter((m) => m.status === 'assigned' || m.status === 'scored').map((m) => m.userId);

/**
 * Who may read which proposals of a challenge: the submitter its own, always; after the deadline the
 * sponsor and staff all of them, and an expert those whose panel seats them once scoring began.
 */
export function readersFor(actor: Actor, row: ChallengeRow, proposal: ProposalRow, panel: PanelView | undefined): Reader[] {
  const readers: Reader[] = [];
  if (myOrganizations(actor).includes(proposal.organizationId)) readers.push('submitter');
  if (isStaff(actor, row)) readers.push('staff');
  if (isSponsor(actor, row)) readers.push('sponsor');
  if (
    actor.kind === 'user' &&
    can(actor, 'expert:score') &&
    SCORED_STATUSES.includes(row.status as ChallengeStatus) &&
    seatedUsers(panel).includes(actor.userId!)
  )
    readers.push('expert');
  return readers;
}

export interface LoadedProposal {
  row: ProposalRow;
  registration: RegistrationRow;
  sealed: boolean;
  /** The scoring panel (null while sealed or before scoring). */
  panel: PanelView | null;
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

/** The proposals the actor may know of: all (content after the deadline) for sponsor, staff and seated experts; else only their own. */
export async function listProposals(opts: { db: Db; actor: Actor; id: string; sealSecret: Buffer }) {
  requireUser(opts.actor);
  const challenge = await getChallenge(opts);
  const now = clock.now();
  const sealed = isSealed(challenge, now);
  const rows = await opts.db
    .select({ p: challengeProposals, r: challengeRegistrations })
    .from(challengeProposals)
    .innerJoin(challengeRegistrations, eq(challengeRegistrations.id, challengeProposals.registrationId))
    .where(eq(challengeProposals.challengeId, challenge.id))
    .orderBy(asc(challengeProposals.submittedAt), asc(challengeProposals.id));
  const panels = sealed
    ? new Map<string, PanelView>()
    : await panelsOf(
        opts.db,
        rows.map((r) => r.p.id),
      );
  const out: LoadedProposal[] = [];
  for (const { p, r } of rows) {
    const readers = readersFor(opts.actor, challenge, p, panels.get(p.id));
    if (readers.length === 0) continue;
    const own = readers.includes('submitter');
    out.push({
      row: p,
      registration: r,
      sealed,
      panel: panels.get(p.id) ?? null,
      content: own || !sealed ? openContent({ secret: opts.sealSecret, challenge, row: p, own, now }) : null,
      readers,
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
  const now = clock.now();
  const sealed = isSealed(challenge, now);
  const panel = sealed ? null : await panelOf(opts.db, PROPOSAL_SUBJECT, found.p.id);
  const readers = readersFor(opts.actor, challenge, found.p, panel ?? undefined);
  const own = readers.includes('submitter');
  if (!own && (sealed || readers.length === 0)) throw AppError.notFound('Proposal');
  return {
    challenge,
    proposal: {
      row: found.p,
      registration: found.r,
      sealed,
      panel,
      content: openContent({ secret: opts.sealSecret, challenge, row: found.p, own, now }),
      readers,
    } satisfies LoadedProposal,
  };
}

/**
 * Opens one scoring panel per proposal on the shared engine (experts module), in the caller's
 * transaction: `challenge_proposal` sheet, experts of the challenge's field, the sponsor and the
 * submitting organisation excluded as conflicted.
 */
export async function openProposalPanels(tx: Tx, actor: Actor, row: ChallengeRow, size: number) {
  const proposals = await tx
    .select({ p: challengeProposals, teamName: challengeRegistrations.teamName })
    .from(challengeProposals)
    .innerJoin(challengeRegistrations, eq(challengeRegistrations.id, challengeProposals.registrationId))
    .where(eq(challengeProposals.challengeId, row.id));
  const opened: string[] = [];
  for (const { p, teamName } of proposals) {
    const { panelId } = await openPanel(tx, actor, {
      subjectType: PROPOSAL_SUBJECT,
      subjectId: p.id,
      subjectTitle: `揭榜方案评审：${row.title}（${teamName}）`,
      sheetKey: PROPOSAL_SHEET,
      size,
      fieldCode: row.fieldCode,
      excludeOrganizationIds: [row.organizationId, p.organizationId],
      dueAt: row.scoringDueAt,
    });
    opened.push(panelId);
  }
  return opened;
}

/** A seated expert's sheet for one proposal, through the engine's submitScores (final, audited there). */
export async function scoreProposal(opts: {
  db: Db;
  actor: Actor;
  id: string;
  proposalId: string;
  input: z.infer<typeof ScoreBody>;
  sealSecret: Buffer;
}) {
  requirePermission(opts.actor, 'expert:score');
  const { challenge, proposal } = await getProposal(opts);
  if (!proposal.readers.includes('expert') || !proposal.panel) throw AppError.notFound('Proposal');
  if (challenge.status !== 'scoring') throw AppError.conflict(`Scores are given while scoring, not ${challenge.status}`);
  await opts.db.transaction((tx) => submitScores(tx, opts.actor, proposal.panel!.id, opts.input));
}

/** Whether every given proposal's panel has completed its scoring. */
export async function panelsComplete(db: DbOrTx, proposalIds: string[]) {
  const panels = await panelsOf(db, proposalIds);
  return proposalIds.filter((id) => panels.get(id)?.status !== 'complete');
}

export { panelResult };

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

import {
  IP_TERM_TEMPLATES,
  type ChallengeStatus,
  type ChallengeSummary,
  type ChallengeTransition,
  type ChallengeView,
  type IpTerms,
  type ProposalView,
} from '../../../common/api/challenges.js';
import type { DbOrTx } from '../../db/client.js';
import { can, type Actor } from '../../lib/actor.js';
import { clock } from '../../lib/clock.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { isStaff, mayKnowSponsor, sidesOf, type ChallengeRow } from './access.js';
import { stagesOf } from './award.js';
import { CHALLENGE_TRANSITION_TABLE, challengeTransitionAllowed, EDITABLE, RACING_STATUSES } from './lifecycle.js';
import { panelResult, panelsOf, registrationOf, teamNames, type LoadedProposal } from './proposals.js';
import { SHEETS } from '../experts/scoring.js';
import { CONSORTIUM_RULE, PROPOSAL_SHEET } from './rules.js';
import { awardsOf, countsOf } from './service.js';
import { challengeProposals } from './schema.js';
import { and, eq } from 'drizzle-orm';

type Orgs = Awaited<ReturnType<typeof organizationsByIds>>;
const org = (orgs: Orgs, id: string) => ({ id, name: orgs.get(id)?.name ?? '' });

function summary(actor: Actor, row: ChallengeRow, orgs: Orgs, counts: { registrations: number; proposals: number }): ChallengeSummary {
  return {
    id: row.id,
    title: row.title,
    fieldCode: row.fieldCode,
    status: row.status as ChallengeStatus,
    sponsor: mayKnowSponsor(actor, row) ? org(orgs, row.organizationId) : null,
    sponsorAnonymous: row.sponsorAnonymous,
    reward: row.reward,
    rewardTotalFen: row.rewardTotalFen,
    ipTerms: row.ipTerms as IpTerms,
    registrationDeadline: row.registrationDeadline.toISOString(),
    submissionDeadline: row.submissionDeadline.toISOString(),
    now: clock.now().toISOString(),
    ...counts,
  };
}

export async function presentChallenges(db: DbOrTx, actor: Actor, rows: ChallengeRow[]): Promise<ChallengeSummary[]> {
  const orgs = await organizationsByIds(
    db,
    rows.map((r) => r.organizationId),
  );
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => summary(actor, r, orgs, counts.get(r.id)!));
}

export async function presentChallenge(db: DbOrTx, actor: Actor, row: ChallengeRow): Promise<ChallengeView> {
  const [awards, stages, myRegistration, counts] = [
    await awardsOf(db, row.id),
    await stagesOf(db, row.id),
    await registrationOf(db, actor, row.id),
    await countsOf(db, [row.id]),
  ];
  const shortlisted = await db
    .select({
      id: challengeProposals.id,
      organizationId: challengeProposals.organizationId,
      registrationId: challengeProposals.registrationId,
    })
    .from(challengeProposals)
    .where(and(eq(challengeProposals.challengeId, row.id), eq(challengeProposals.shortlisted, true)));
  const teams = await teamNames(db, [...shortlisted.map((s) => s.id), ...awards.map((a) => a.proposalId)]);
  const orgs = await organizationsByIds(db, [
    row.organizationId,
    ...shortlisted.map((s) => s.organizationId),
    ...awards.map((a) => a.organizationId),
  ]);
  const now = clock.now();
  const staff = isStaff(actor, row);
  return {
    ...summary(actor, row, orgs, counts.get(row.id)!),
    problem: row.problem,
    targets: row.targets,
    ipTermsText: IP_TERM_TEMPLATES[row.ipTerms as IpTerms].text,
    timeline: {
      publishedAt: row.publishedAt?.toISOString() ?? null,
      registrationDeadline: row.registrationDeadline.toISOString(),
      submissionDeadline: row.submissionDeadline.toISOString(),
      scoringDueAt: row.scoringDueAt?.toISOString() ?? null,
      roadshowAt: row.roadshowAt?.toISOString() ?? null,
      roadshowPlace: row.roadshowPlace,
      awardAt: row.awardedAt?.toISOString() ?? row.awardAt?.toISOString() ?? null,
    },
    demandId: row.demandId,
    sealed: now < row.submissionDeadline,
    consortium: { maxMembers: CONSORTIUM_RULE.maxMembers, source: CONSORTIUM_RULE.source },
    scoreSheet: SHEETS[PROPOSAL_SHEET]!,
    shortlist: shortlisted.map((s) => ({ proposalId: s.id, teamName: teams.get(s.id) ?? '', organization: org(orgs, s.organizationId) })),
    awards: awards.map((a) => ({
      proposalId: a.proposalId,
      teamName: teams.get(a.proposalId) ?? '',
      organization: org(orgs, a.organizationId),
      prizeLabel: a.prizeLabel,
      amountFen: a.amountFen,
      rank: a.rank,
      contractId: staff || myRegistration?.organizationId === a.organizationId ? a.contractId : null,
    })),
    stages: stages.map((s) => ({
      seq: s.seq,
      name: s.name,
      keptProposalIds: s.keptProposalIds,
      payments: s.payments,
      createdAt: s.createdAt.toISOString(),
    })),
    panels: staff ? await panelCounts(db, row.id) : null,
    myRegistration,
    returnReason: sidesOf(actor, row).length ? row.returnReason : null,
    actions: challengeActions(actor, row, myRegistration, awards, now),
  };
}

/** What the caller may do now; the UI shows exactly these. */
export function challengeActions(
  actor: Actor,
  row: ChallengeRow,
  reg: { organizationId: string; proposalId: string | null } | null,
  awards: { organizationId: string; contractId: string | null }[],
  now: Date,
): ChallengeView['actions'] {
  const sides = sidesOf(actor, row);
  const status = row.status as ChallengeStatus;
  const out: ChallengeView['actions'] = [];
  if (sides.length && EDITABLE.includes(status)) out.push('edit');
  for (const name of Object.keys(CHALLENGE_TRANSITION_TABLE) as ChallengeTransition[]) {
    const t = CHALLENGE_TRANSITION_TABLE[name];
    if (!challengeTransitionAllowed(name, status, sides)) continue;
    if (t.guard === 'after_submission_deadline' && now < row.submissionDeadline) continue;
    out.push(name);
  }
  const solver = can(actor, 'challenge:solve') && !sides.includes('sponsor');
  if (solver && status === 'published' && now < row.registrationDeadline && !reg) out.push('register');
  if (reg && status === 'published' && now < row.submissionDeadline) out.push('submit_proposal');
  if (sides.includes('staff') && RACING_STATUSES.includes(status)) out.push('add_stage');
  if (
    status === 'awarded' &&
    reg &&
    awards.some((a) => a.organizationId === reg.organizationId && !a.contractId) &&
    can(actor, 'contract:apply')
  )
    out.push('apply_contract');
  return out;
}

async function panelCounts(db: DbOrTx, challengeId: string) {
  const ids = (
    await db.select({ id: challengeProposals.id }).from(challengeProposals).where(eq(challengeProposals.challengeId, challengeId))
  ).map((r) => r.id);
  const panels = [...(await panelsOf(db, ids)).values()];
  return { opened: panels.length, complete: panels.filter((p) => p.status === 'complete').length };
}

export async function presentProposals(db: DbOrTx, actor: Actor, items: LoadedProposal[]): Promise<ProposalView[]> {
  const orgs = await organizationsByIds(
    db,
    items.map((i) => i.row.organizationId),
  );
  const out: ProposalView[] = [];
  for (const i of items) {
    const seesAggregate = i.readers.includes('staff') || i.readers.includes('sponsor');
    let score: ProposalView['score'] = null;
    if (i.panel && (seesAggregate || i.readers.includes('expert'))) {
      const result = await panelResult(db, i.panel.id);
      const seat = i.panel.members.find((m) => m.userId === actor.userId);
      const mine = seat ? result.perExpert.find((p) => p.memberId === seat.memberId && p.total !== null) : undefined;
      score = {
        panelId: i.panel.id,
        complete: result.complete,
        mean: seesAggregate ? result.mean : null,
        scored: result.perExpert.filter((p) => p.total !== null).length,
        seats: i.panel.size,
        dropped: seesAggregate ? result.dropped.map((d) => d.total) : [],
        mine: mine ? { scores: mine.scores!, total: mine.total!, comment: mine.comment } : null,
      };
    }
    out.push({
      id: i.row.id,
      challengeId: i.row.challengeId,
      teamName: i.registration.teamName,
      organization: org(orgs, i.row.organizationId),
      consortiumMembers: i.registration.consortiumMembers,
      submittedAt: i.row.submittedAt.toISOString(),
      digest: i.row.digest,
      sealed: i.sealed,
      content: i.content,
      shortlisted: i.row.shortlisted,
      score,
    });
  }
  return out;
}

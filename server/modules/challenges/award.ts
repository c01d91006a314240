/** 赛马 stages with milestone payments, and the winner's contract application (through the contracts module). */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { AwardContractBody, StageBody } from '../../../common/api/challenges.js';
import type { ContractInput, PartyInput } from '../../../common/api/contracts.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { createContract } from '../contracts/service.js';
import { findOrganizations } from '../organizations/repository.js';
import { isStaff, ORG_ROLES } from './access.js';
import { RACING_STATUSES } from './lifecycle.js';
import { stageIssues } from './rules.js';
import { challengeAwards, challengeProposals, challengeStages, challenges } from './schema.js';
import { getChallenge } from './service.js';

export const stagesOf = (db: DbOrTx, challengeId: string) =>
  db.select().from(challengeStages).where(eq(challengeStages.challengeId, challengeId)).orderBy(asc(challengeStages.seq));

/** Records a stage: the teams kept (a subset of those still in the race) and the milestone payments made to them. */
export async function addStage(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof StageBody> }) {
  requirePermission(opts.actor, 'challenge:manage');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(challenges).where(eq(challenges.id, opts.id)).for('update');
    if (!row || !isStaff(opts.actor, row)) throw AppError.notFound('Challenge');
    if (!RACING_STATUSES.includes(row.status as (typeof RACING_STATUSES)[number]))
      throw AppError.conflict(`Stages follow the shortlist; the challenge is ${row.status}`);
    const stages = await stagesOf(tx, row.id);
    const stillIn = stages.length
      ? stages.at(-1)!.keptProposalIds
      : (
          await tx
            .select({ id: challengeProposals.id })
            .from(challengeProposals)
            .where(and(eq(challengeProposals.challengeId, row.id), eq(challengeProposals.shortlisted, true)))
        ).map((p) => p.id);
    const issues = stageIssues({ stillIn, kept: opts.input.keptProposalIds, payments: opts.input.payments });
    if (issues.length)
      throw new AppError('validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { fields: issues });
    const stage = {
      id: newId(),
      challengeId: row.id,
      seq: stages.length + 1,
      name: opts.input.name,
      keptProposalIds: opts.input.keptProposalIds,
      payments: opts.input.payments,
      createdBy: opts.actor.userId,
      createdAt: clock.now(),
    };
    await tx.insert(challengeStages).values(stage);
    await writeAudit(tx, opts.actor, {
      action: 'challenge.stage',
      entity: 'challenge',
      entityId: row.id,
      organizationId: row.organizationId,
      after: {
        seq: stage.seq,
        name: stage.name,
        kept: stage.keptProposalIds,
        dropped: stillIn.filter((id) => !stage.keptProposalIds.includes(id)),
        payments: stage.payments,
      },
    });
  });
}

/** The award of one of the actor's organisations on this challenge (the contract's applicant), not yet turned into a contract. */
async function myAward(db: DbOrTx, actor: Actor, challengeId: string, organizationId?: string) {
  const mine = organizationIdsOf(actor, [...ORG_ROLES]);
  const rows = await db
    .select()
    .from(challengeAwards)
    .where(eq(challengeAwards.challengeId, challengeId))
    .orderBy(asc(challengeAwards.rank));
  const award = rows.find((a) => mine.includes(a.organizationId) && (!organizationId || a.organizationId === organizationId));
  if (!award) throw AppError.forbidden('Only an awarded organisation applies for the contract of its award');
  return award;
}

/**
 * The contract a won challenge becomes: commissioned technology development (委托开发), the winner
 * the developer (seller side), the sponsor the commissioning party (buyer), the amount the prize or
 * the contract budget. What the applicant must still give is listed in `missing`.
 */
export async function prefillContract(opts: { db: Db; actor: Actor; id: string; organizationId?: string }) {
  requirePermission(opts.actor, 'contract:apply');
  const challenge = await getChallenge(opts);
  if (challenge.status !== 'awarded') throw AppError.conflict('The challenge has not been awarded');
  const award = await myAward(opts.db, opts.actor, challenge.id, opts.organizationId);
  const orgs = await findOrganizations(opts.db, [award.organizationId, challenge.organizationId]);
  const party = (id: string): PartyInput => {
    const o = orgs.find((x) => x.id === id)!;
    return {
      name: o.name,
      creditCode: o.creditCode,
      organizationId: o.id,
      organizationType: o.type as PartyInput['organizationType'],
      regionCode: o.regionCode,
      country: 'CN',
    };
  };
  const amount = challenge.reward.kind === 'contract_budget' ? challenge.reward.budgetFen : award.amountFen;
  const input: Partial<ContractInput> = {
    type: 'development',
    subtype: 'commissioned',
    title: `${challenge.title}技术开发（委托）合同`,
    subject: `揭榜项目「${challenge.title}」：${challenge.problem}`.slice(0, 5000),
    fieldCode: challenge.fieldCode,
    seller: party(award.organizationId),
    buyer: party(challenge.organizationId),
    contractAmountFen: amount,
    nonTechnicalCosts: [],
    payments: [],
  };
  return { award, challenge, input, missing: ['signedOn', 'signed contract scan (attachments)'] };
}

/** Files the prefilled contract application through contracts' createContract and links it to the award. */
export async function applyForContract(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof AwardContractBody> }) {
  const pre = await prefillContract({ ...opts, organizationId: opts.input.organizationId });
  if (pre.award.contractId) throw AppError.conflict(`A contract application was already filed for this award (${pre.award.contractId})`);
  if (!pre.input.contractAmountFen) throw AppError.validation('body', 'the award carries no amount to contract');
  const input = {
    ...pre.input,
    subject: opts.input.subject ?? pre.input.subject,
    signedOn: opts.input.signedOn,
    ipInvolved: [],
    relatedServicesInvoicedTogether: false,
  } as ContractInput;
  const contract = await createContract({ db: opts.db, actor: opts.actor, input, organizationId: pre.award.organizationId });
  await opts.db.transaction(async (tx) => {
    const updated = await tx
      .update(challengeAwards)
      .set({ contractId: contract.row.id })
      .where(and(eq(challengeAwards.id, pre.award.id), isNull(challengeAwards.contractId)))
      .returning({ id: challengeAwards.id });
    if (updated.length === 0) throw AppError.conflict('A contract application was already filed for this award');
    await writeAudit(tx, opts.actor, {
      action: 'challenge.contract_apply',
      entity: 'challenge',
      entityId: pre.challenge.id,
      organizationId: pre.award.organizationId,
      after: { awardId: pre.award.id, contractId: contract.row.id, contractAmountFen: input.contractAmountFen },
    });
  });
  return contract.row.id;
}

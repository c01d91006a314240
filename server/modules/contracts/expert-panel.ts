/**
 * The expert review of applications at or above the threshold (专家评审), on the experts module's
 * shared panel and scoring engine: the registrar draws a panel from the expert pool (the parties'
 * organisations and the named broker excluded as conflicts, with the pool's own conflict rules and
 * workload balance), the experts score on the `contract_registration` sheet in their workspace, and
 * the registrar closes the review from the complete panel with an opinion; the conclusion follows
 * from the aggregated score.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ExpertPanelBody, ExpertReviewBody } from '../../../common/api/contracts.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { openPanel, panelOf, panelResult, type PanelView } from '../experts/panels.js';
import { lockVisibleContract } from './applications.js';
import { partiesFor } from './policy.js';
import { factsOf, loadContract, type LoadedContract } from './records.js';
import { contracts, type ExpertReview } from './schema.js';

export const CONTRACT_REVIEW = {
  subjectType: 'contract',
  sheetKey: 'contract_registration',
  /** Experts drawn when the registrar does not say: 3, the smallest panel that gives a majority (platform default). */
  defaultSize: 3,
  /**
   * The aggregated score (of 100) from which the panel supports registering the contract as a technology
   * contract with the amounts as applied: 60, the customary pass mark of expert review sheets (platform default).
   */
  passMark: 60,
} as const;

export const conclusionOf = (mean: number): 'supports' | 'does_not_support' =>
  mean >= CONTRACT_REVIEW.passMark ? 'supports' : 'does_not_support';

function requireRegistrar(actor: Actor, c: LoadedContract) {
  if (!partiesFor(actor, factsOf(c)).includes('registrar'))
    throw AppError.forbidden('Only a registrar of the registration point runs the expert review');
  if (c.row.status !== 'submitted') throw AppError.conflict(`Cannot run an expert review on a contract that is ${c.row.status}`);
}

async function viewOf(db: DbOrTx, panel: PanelView) {
  const result = await panelResult(db, panel.id);
  const byMember = new Map(result.perExpert.map((p) => [p.memberId, p]));
  return {
    id: panel.id,
    status: panel.status,
    size: panel.size,
    fieldCode: panel.fieldCode,
    sheet: { key: panel.sheet.key, name: panel.sheet.name, source: panel.sheet.source },
    members: panel.members.map((m) => ({
      name: m.name,
      title: m.title,
      organizationName: m.organizationName,
      status: m.status,
      total: byMember.get(m.memberId)?.total ?? null,
      comment: byMember.get(m.memberId)?.comment ?? null,
      dropped: byMember.get(m.memberId)?.dropped ?? false,
    })),
    mean: result.mean,
    conclusion: result.mean === null ? null : conclusionOf(result.mean),
    passMark: CONTRACT_REVIEW.passMark,
  };
}

/** Draws the contract's review panel from the pool (the registrar, while submitted; one panel at a time). */
export async function openExpertPanel(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof ExpertPanelBody> }) {
  requirePermission(opts.actor, 'contract:register');
  const panelId = await opts.db.transaction(async (tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    requireRegistrar(opts.actor, c);
    const current = await panelOf(tx, CONTRACT_REVIEW.subjectType, c.row.id);
    if (current?.status === 'scoring') throw AppError.conflict('The contract’s review panel is still scoring');
    if (c.row.expertReview) throw AppError.conflict('The expert review of this contract is already recorded');
    const parties = [c.parties.seller, c.parties.buyer, c.parties.intermediary];
    const { panelId: id, members } = await openPanel(tx as Tx, opts.actor, {
      subjectType: CONTRACT_REVIEW.subjectType,
      subjectId: c.row.id,
      subjectTitle: `技术合同认定评审：${c.row.title}`,
      sheetKey: CONTRACT_REVIEW.sheetKey,
      size: opts.input.size ?? CONTRACT_REVIEW.defaultSize,
      fieldCode: opts.input.fieldCode === undefined ? c.row.fieldCode : opts.input.fieldCode,
      excludeOrganizationIds: [c.row.organizationId, ...parties.map((p) => p?.organizationId).filter((o): o is string => !!o)],
      excludeUserIds: c.row.brokerUserId ? [c.row.brokerUserId] : [],
      dueAt: c.row.deadlineAt,
    });
    await writeAudit(tx, opts.actor, {
      action: 'contract.expert_panel',
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      after: { panelId: id, experts: members.map((m) => m.name) },
    });
    return id;
  });
  return getExpertPanel({ db: opts.db, actor: opts.actor, id: opts.id, panelId });
}

/** The contract's latest review panel with its scores (the registrar of the point). */
export async function getExpertPanel(opts: { db: Db; actor: Actor; id: string; panelId?: string }) {
  requirePermission(opts.actor, 'contract:register');
  const c = await loadContract(opts.db, opts.id);
  if (!c || !partiesFor(opts.actor, factsOf(c)).includes('registrar')) throw AppError.notFound('Contract');
  const panel = await panelOf(opts.db, CONTRACT_REVIEW.subjectType, c.row.id);
  if (!panel) throw AppError.notFound('Expert panel');
  return viewOf(opts.db, panel);
}

/** Closes the expert review from the complete panel: its experts, its score's conclusion, the registrar's opinion. */
export async function recordExpertReview(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof ExpertReviewBody> }) {
  requirePermission(opts.actor, 'contract:register');
  requireUser(opts.actor);
  const userId = opts.actor.userId;
  await opts.db.transaction(async (tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    requireRegistrar(opts.actor, c);
    const panel = await panelOf(tx, CONTRACT_REVIEW.subjectType, c.row.id);
    if (!panel) throw AppError.conflict('Draw the review panel from the expert pool first');
    const result = await panelResult(tx, panel.id);
    if (!result.complete || result.mean === null) throw AppError.conflict('The review panel has not finished scoring');
    const scored = new Set(result.perExpert.filter((p) => p.total !== null).map((p) => p.memberId));
    const review: ExpertReview = {
      experts: panel.members
        .filter((m) => scored.has(m.memberId))
        .map((m) => ({ name: m.name, title: m.title, organization: m.organizationName })),
      opinion: opts.input.opinion,
      conclusion: conclusionOf(result.mean),
      recordedAt: clock.now().toISOString(),
      recordedBy: userId,
      panelId: panel.id,
      mean: result.mean,
    };
    await tx.update(contracts).set({ expertReview: review, updatedAt: clock.now() }).where(eq(contracts.id, c.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'contract.expert_review',
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      before: { expertReview: c.row.expertReview },
      after: { expertReview: review },
    });
  });
  return (await loadContract(opts.db, opts.id))!;
}

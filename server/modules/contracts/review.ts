/** The registrar's side: return, refuse, record the expert review, certify, amend, cancel. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AmendmentBody, TransitionBody } from '../../../common/api/contracts.js';
import type { Db, Tx } from '../../db/client.js';
import { contractVersions, contracts } from './schema.js';
import { findOrganization } from '../organizations/repository.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { dropContractFact, putContractFact } from '../statistics/facts.js';
import { lockVisibleContract, requireTransition } from './applications.js';
import { auditContent, contentRows, loadReferences, referenceIssues, throwIssues, writeChildRows } from './content.js';
import { contractFactOf } from './fact.js';
import { presentContent } from './presenter.js';
import { loadContract, type LoadedContract } from './records.js';
import { nextRegistrationNumber } from './registration-number.js';
import { requireExportClearance } from '../export-control/gate.js';

type Body<A extends TransitionBody['action']> = Extract<TransitionBody, { action: A }>;

/**
 * The registrar's technology transaction amount: the computed one unless `technologyTransactionAmountFen`
 * is given; a different amount is an adjustment and needs its reason. Field names under `prefix`.
 */
export function resolveAdjustment(
  contractAmountFen: number,
  nonTechnicalCostsFen: number,
  body: { technologyTransactionAmountFen?: number; adjustmentReason?: string },
  prefix = 'body',
) {
  const computed = contractAmountFen - nonTechnicalCostsFen;
  if (body.technologyTransactionAmountFen === undefined) return { fen: 0, reason: null };
  const wanted = body.technologyTransactionAmountFen;
  if (wanted > contractAmountFen)
    throw AppError.validation(`${prefix}.technologyTransactionAmountFen`, 'must not exceed the contract amount');
  const fen = wanted - computed;
  const reason = body.adjustmentReason?.trim() || null;
  if (fen !== 0 && !reason)
    throw AppError.validation(
      `${prefix}.adjustmentReason`,
      'is required when the technology transaction amount differs from the computed one',
    );
  return { fen, reason: fen !== 0 ? reason : null };
}

/** Writes the next version snapshot and, unless cancelled, the statistics fact. */
export async function recordVersion(tx: Tx, actor: Actor, id: string, event: 'certified' | 'amended' | 'cancelled', reason: string | null) {
  const c = (await loadContract(tx, id))!;
  const snapshot = presentContent(c);
  await tx.insert(contractVersions).values({
    contractId: id,
    version: c.row.version,
    event,
    reason,
    registrationNumber: c.row.registrationNumber,
    contractAmountFen: c.row.contractAmountFen,
    technologyTransactionAmountFen: c.row.technologyTransactionAmountFen,
    snapshot: JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>,
    createdBy: actor.userId,
    createdAt: clock.now(),
  });
  if (event === 'cancelled') await dropContractFact(tx, id);
  else await putContractFact(tx, contractFactOf(c));
}

export async function returnContract(tx: Tx, actor: Actor, c: LoadedContract, body: Body<'return'>) {
  requireTransition(actor, c, 'return');
  const now = clock.now();
  // The clock stops: it restarts in full when the corrected application is resubmitted.
  await tx
    .update(contracts)
    .set({ status: 'returned', reviewNote: body.note, deadlineAt: null, reviewedBy: actor.userId, reviewedAt: now, updatedAt: now })
    .where(eq(contracts.id, c.row.id));
  return { status: 'returned', note: body.note };
}

export async function refuseContract(tx: Tx, actor: Actor, c: LoadedContract, body: Body<'refuse'>) {
  requireTransition(actor, c, 'refuse');
  const now = clock.now();
  await tx
    .update(contracts)
    .set({
      status: 'refused',
      refusalReason: body.reason,
      reviewNote: body.note,
      reviewedBy: actor.userId,
      reviewedAt: now,
      updatedAt: now,
    })
    .where(eq(contracts.id, c.row.id));
  return { status: 'refused', refusalReason: body.reason, note: body.note };
}

/** Certifies: registration number from the point's counter, version 1, the statistics fact — all in the caller's transaction. */
export async function certifyContract(tx: Tx, actor: Actor, c: LoadedContract, body: Body<'certify'>) {
  requireTransition(actor, c, 'certify');
  if (c.row.expertReviewRequired && !c.row.expertReview)
    throw AppError.conflict('This application needs expert review: record the experts’ opinion before certifying');
  // Certifying against the experts' 不支持 is the registrar's call, but only with written reasoning,
  // kept as the review note on the record and in the audit row of the certification.
  const againstExperts = c.row.expertReview?.conclusion === 'does_not_support';
  if (againstExperts && (body.note ?? '').length < 20) {
    throw AppError.validation(
      'body.note',
      'the experts concluded 不支持: give your written reasoning (at least 20 characters) to certify against it',
    );
  }
  // A technology export (seller in mainland China, buyer outside it) needs its export-control screening cleared.
  await requireExportClearance(tx, c.row);
  const adjustment = resolveAdjustment(c.row.contractAmountFen, c.row.nonTechnicalCostsFen, body);
  const now = clock.now();
  const registrationNumber = await nextRegistrationNumber(tx, now, c.row.registrationRegionCode);
  const technologyTransactionAmountFen = c.row.contractAmountFen - c.row.nonTechnicalCostsFen + adjustment.fen;
  await tx
    .update(contracts)
    .set({
      status: 'certified',
      registrationNumber,
      certifiedAt: now,
      certifiedBy: actor.userId,
      reviewedBy: actor.userId,
      reviewedAt: now,
      reviewNote: body.note ?? null,
      adjustmentFen: adjustment.fen,
      adjustmentReason: adjustment.reason,
      technologyTransactionAmountFen,
      version: 1,
      updatedAt: now,
    })
    .where(eq(contracts.id, c.row.id));
  await recordVersion(tx, actor, c.row.id, 'certified', body.note ?? null);
  return {
    status: 'certified',
    registrationNumber,
    technologyTransactionAmountFen,
    adjustmentFen: adjustment.fen,
    adjustmentReason: adjustment.reason,
    ...(againstExperts ? { certifiedAgainstExpertReview: true, reasoning: body.note } : {}),
  };
}

export async function cancelContract(tx: Tx, actor: Actor, c: LoadedContract, body: Body<'cancel'>) {
  requireTransition(actor, c, 'cancel');
  const now = clock.now();
  await tx
    .update(contracts)
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: body.reason, version: c.row.version + 1, updatedAt: now })
    .where(eq(contracts.id, c.row.id));
  await recordVersion(tx, actor, c.row.id, 'cancelled', body.reason);
  return { status: 'cancelled', reason: body.reason, version: c.row.version + 1 };
}

/**
 * Amends a certified contract: new content (the registration point and number stay), the amounts
 * recomputed (with the registrar's adjustment if given), a new version, the fact replaced.
 */
export async function amendContract(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof AmendmentBody> }) {
  requirePermission(opts.actor, 'contract:register');
  await opts.db.transaction(async (tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    requireTransition(opts.actor, c, 'amend');
    const org = await findOrganization(tx, c.row.organizationId);
    const input = { ...opts.input.contract, registrationOrganizationId: null, dealId: opts.input.contract.dealId ?? c.row.dealId };
    const { issues } = await referenceIssues(tx, await loadReferences(tx, input), input, org!, { requirePoint: false });
    throwIssues('body.contract', issues);
    const base = contentRows(c.row.id, input, org!);
    const adjustment = resolveAdjustment(base.columns.contractAmountFen, base.columns.nonTechnicalCostsFen!, opts.input);
    const rows = contentRows(c.row.id, input, org!, adjustment);
    const version = c.row.version + 1;
    await tx
      .update(contracts)
      .set({ ...rows.columns, version, updatedAt: clock.now() })
      .where(eq(contracts.id, c.row.id));
    await writeChildRows(tx, c.row.id, rows, true);
    await recordVersion(tx, opts.actor, c.row.id, 'amended', opts.input.reason);
    await writeAudit(tx, opts.actor, {
      action: 'contract.amend',
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      before: {
        version: c.row.version,
        contractAmountFen: c.row.contractAmountFen,
        technologyTransactionAmountFen: c.row.technologyTransactionAmountFen,
        title: c.row.title,
      },
      after: { ...auditContent(rows), version, reason: opts.input.reason },
    });
  });
  return (await loadContract(opts.db, opts.id))!;
}

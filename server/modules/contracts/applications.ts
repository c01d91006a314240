/** The applicant's side: file a draft, edit it, submit it (the registrar's clock starts), withdraw it. */
import { and, eq } from 'drizzle-orm';
import type { ContractInput } from '../../../common/api/contracts.js';
import { reviewPeriod, type ContractStatus } from '../../../common/contracts.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { contractAttachments, contracts } from './schema.js';
import { findOrganization } from '../organizations/repository.js';
import { organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireDealExportStep } from '../export-control/gate.js';
import { dealParties } from '../trading/lookups.js';
import { auditContent, contentRows, loadReferences, referenceIssues, throwIssues, writeChildRows, type Organization } from './content.js';
import { EDITABLE, TRANSITIONS, transitionAllowed, type TransitionName } from './lifecycle.js';
import { loadParameters } from './parameters.js';
import { APPLICANT_ROLES, canSeeContract, partiesFor } from './policy.js';
import { factsOf, loadContract, type LoadedContract } from './records.js';

/** The organisation the actor applies for: the one named, or their only applicant organisation. */
export async function applicantOrganization(db: DbOrTx, actor: Actor, organizationId?: string): Promise<Organization> {
  requirePermission(actor, 'contract:apply');
  const mine = organizationIdsOf(actor, [...APPLICANT_ROLES]);
  const id = organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!id)
    throw AppError.validation(
      'querystring.organizationId',
      mine.length ? 'name the organisation you apply for' : 'you belong to no active organisation',
    );
  if (!mine.includes(id)) throw AppError.forbidden('You can only apply for your own organisation');
  const org = await findOrganization(db, id);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  return org;
}

/** Loads and locks a contract the actor may see (404 otherwise). */
export async function lockVisibleContract(tx: Tx, actor: Actor, id: string): Promise<LoadedContract> {
  const c = await loadContract(tx, id, true);
  if (!c || !canSeeContract(actor, factsOf(c), c.row.submittedAt != null)) throw AppError.notFound('Contract');
  return c;
}

/** Throws unless the transition is open to the actor in the contract's state. */
export function requireTransition(actor: Actor, c: LoadedContract, name: TransitionName): void {
  const t = TRANSITIONS[name];
  const parties = partiesFor(actor, factsOf(c));
  if (!t.by.some((p) => parties.includes(p))) throw AppError.forbidden(`You may not ${name} this contract`);
  if (!transitionAllowed(name, c.row.status as ContractStatus, parties))
    throw AppError.conflict(`Cannot ${name} a contract that is ${c.row.status}`);
}

/**
 * The contract of a cross-border platform deal is signed only once export control allows
 * substantive negotiation (cleared, or the letter of intent recorded): filing and submitting it are
 * refused before (export-control gate.ts).
 */
async function requireSigningClearance(tx: DbOrTx, dealId: string, contractId: string | null): Promise<void> {
  const deal = await dealParties(tx, dealId);
  if (deal) await requireDealExportStep(tx, 'signing', { ...deal, contractId });
}

/** Creates a draft application of the actor's organisation. */
export async function createContract(opts: {
  db: Db;
  actor: Actor;
  input: ContractInput;
  organizationId?: string;
}): Promise<LoadedContract> {
  const org = await applicantOrganization(opts.db, opts.actor, opts.organizationId);
  const { issues, point } = await referenceIssues(opts.db, await loadReferences(opts.db, opts.input), opts.input, org);
  throwIssues('body', issues);
  const id = newId();
  const rows = contentRows(id, opts.input, org);
  await opts.db.transaction(async (tx) => {
    if (opts.input.dealId) await requireSigningClearance(tx, opts.input.dealId, null);
    await tx.insert(contracts).values({
      id,
      organizationId: org.id,
      status: 'draft',
      source: opts.input.dealId ? 'deal' : 'application',
      registrationOrganizationId: point!.id,
      registrationRegionCode: point!.regionCode,
      createdBy: opts.actor.userId,
      ...rows.columns,
    });
    await writeChildRows(tx, id, rows, false);
    await writeAudit(tx, opts.actor, {
      action: 'contract.create',
      entity: 'contract',
      entityId: id,
      organizationId: org.id,
      after: { ...auditContent(rows), status: 'draft', registrationOrganizationId: point!.id },
    });
  });
  return (await loadContract(opts.db, id))!;
}

/** Edits a draft or returned application (the applicant only). */
export async function updateContract(opts: { db: Db; actor: Actor; id: string; input: ContractInput }): Promise<LoadedContract> {
  await opts.db.transaction(async (tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    if (!partiesFor(opts.actor, factsOf(c)).includes('applicant')) throw AppError.forbidden('Only the applicant may edit the application');
    if (!EDITABLE.includes(c.row.status as ContractStatus)) throw AppError.conflict(`A ${c.row.status} application cannot be edited`);
    const org = await findOrganization(tx, c.row.organizationId);
    const input = { ...opts.input, registrationOrganizationId: opts.input.registrationOrganizationId ?? c.row.registrationOrganizationId };
    const { issues, point } = await referenceIssues(tx, await loadReferences(tx, input), input, org!);
    throwIssues('body', issues);
    const rows = contentRows(c.row.id, input, org!);
    await tx
      .update(contracts)
      .set({ ...rows.columns, registrationOrganizationId: point!.id, registrationRegionCode: point!.regionCode, updatedAt: clock.now() })
      .where(eq(contracts.id, c.row.id));
    await writeChildRows(tx, c.row.id, rows, true);
    await writeAudit(tx, opts.actor, {
      action: 'contract.update',
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      before: {
        contractAmountFen: c.row.contractAmountFen,
        technologyTransactionAmountFen: c.row.technologyTransactionAmountFen,
        title: c.row.title,
      },
      after: auditContent(rows),
    });
  });
  return (await loadContract(opts.db, opts.id))!;
}

/**
 * Submits a complete application: it needs the signed contract scan. The registrar's deadline runs
 * from now: 15 working days, or 30 with expert review when the technology transaction amount reaches
 * the threshold (parameters). A returned application's clock restarts in full on resubmission.
 */
export async function submitContract(tx: Tx, actor: Actor, c: LoadedContract): Promise<Record<string, unknown>> {
  requireTransition(actor, c, 'submit');
  if (c.row.dealId) await requireSigningClearance(tx, c.row.dealId, c.row.id);
  const scans = await tx
    .select({ id: contractAttachments.id })
    .from(contractAttachments)
    .where(and(eq(contractAttachments.contractId, c.row.id), eq(contractAttachments.kind, 'signed_contract')))
    .limit(1);
  if (scans.length === 0)
    throw AppError.validation(
      'attachments',
      'upload the signed contract scan (kind signed_contract) before submitting: the application is not complete',
    );
  const now = clock.now();
  const period = reviewPeriod(c.row.technologyTransactionAmountFen, await loadParameters(tx));
  const set = {
    status: 'submitted',
    submittedAt: now,
    deadlineAt: workingDayDeadline(now, period.workingDays),
    reviewWorkingDays: period.workingDays,
    expertReviewRequired: period.expertReviewRequired,
    refusalReason: null,
    updatedAt: now,
  };
  await tx.update(contracts).set(set).where(eq(contracts.id, c.row.id));
  return {
    status: 'submitted',
    deadlineAt: set.deadlineAt,
    reviewWorkingDays: period.workingDays,
    expertReviewRequired: period.expertReviewRequired,
  };
}

export async function withdrawContract(tx: Tx, actor: Actor, c: LoadedContract, reason?: string): Promise<Record<string, unknown>> {
  requireTransition(actor, c, 'withdraw');
  await tx
    .update(contracts)
    .set({ status: 'withdrawn', deadlineAt: null, reviewNote: reason ?? null, updatedAt: clock.now() })
    .where(eq(contracts.id, c.row.id));
  return { status: 'withdrawn', reason: reason ?? null };
}

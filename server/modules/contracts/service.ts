/**
 * The contracts service's entry points: reading a contract, its versions and its certificate, the
 * registration points, and the one transition function the transitions route calls.
 */
import { asc, eq } from 'drizzle-orm';
import type { TransitionBody } from '../../../common/api/contracts.js';
import { REFUSAL_REASON_LABELS } from '../../../common/contracts.js';
import type { Db, Tx } from '../../db/client.js';
import { contractVersions } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { presentReviewSteps, recordReviewStep, reviewStepsOf } from '../../lib/review-steps.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { applicantOrganization, lockVisibleContract, submitContract, withdrawContract } from './applications.js';
import { certificateContent, renderCertificate } from './certificate.js';
import { defaultRegistrationPoint, listRegistrationPointRows } from './content.js';
import { canSeeContract, partiesFor } from './policy.js';
import { factsOf, loadContract, type LoadedContract } from './records.js';
import { cancelContract, certifyContract, refuseContract, returnContract } from './review.js';
import { notify } from '../alerts/notify.js';

export { createContract, updateContract } from './applications.js';
export { addAttachment, getAttachmentFile, removeAttachment } from './attachments.js';
export { getParameters, updateParameters } from './parameters.js';
export { listOwnContracts, listQueue } from './queries.js';
export { amendContract } from './review.js';
export { getExpertPanel, openExpertPanel, recordExpertReview } from './expert-panel.js';

/** One contract the actor may see (404 otherwise). */
export async function getContract(opts: { db: Db; actor: Actor; id: string }): Promise<LoadedContract> {
  const c = await loadContract(opts.db, opts.id);
  if (!c || !canSeeContract(opts.actor, factsOf(c), c.row.submittedAt != null)) throw AppError.notFound('Contract');
  return c;
}

/**
 * Fires one lifecycle transition (lifecycle.ts), in one transaction with the row locked, and audits
 * it as `contract.<action>`. Certification and cancellation update the statistics fact in it too.
 */
export async function transitionContract(opts: { db: Db; actor: Actor; id: string; body: TransitionBody }): Promise<LoadedContract> {
  const { body } = opts;
  await opts.db.transaction(async (tx: Tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    const after =
      body.action === 'submit'
        ? await submitContract(tx, opts.actor, c)
        : body.action === 'withdraw'
          ? await withdrawContract(tx, opts.actor, c, body.reason)
          : body.action === 'return'
            ? await returnContract(tx, opts.actor, c, body)
            : body.action === 'refuse'
              ? await refuseContract(tx, opts.actor, c, body)
              : body.action === 'certify'
                ? await certifyContract(tx, opts.actor, c, body)
                : await cancelContract(tx, opts.actor, c, body);
    if (body.action === 'return' || body.action === 'refuse' || body.action === 'certify' || body.action === 'cancel') {
      const reason =
        body.action === 'refuse'
          ? `${REFUSAL_REASON_LABELS[body.reason].zh}：${body.note}`
          : body.action === 'cancel'
            ? body.reason
            : body.note;
      await recordReviewStep(tx, opts.actor, {
        entity: 'contract',
        entityId: c.row.id,
        step: body.action,
        reason,
        reasonRequired: body.action !== 'certify',
        reasonField: body.action === 'cancel' ? 'body.reason' : 'body.note',
      });
    }
    await writeAudit(tx, opts.actor, {
      action: `contract.${body.action}`,
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      before: { status: c.row.status, technologyTransactionAmountFen: c.row.technologyTransactionAmountFen },
      after,
    });
    if (body.action === 'return' || body.action === 'certify') {
      await notify(tx, {
        organizationId: c.row.organizationId,
        exceptUserIds: [opts.actor.userId],
        kind: body.action === 'return' ? 'contract_returned' : 'contract_certified',
        title: body.action === 'return' ? `技术合同「${c.row.title}」被退回补正` : `技术合同「${c.row.title}」已登记`,
        body: body.note ?? null,
        link: `/workspace/contracts/${c.row.id}`,
        needsAction: body.action === 'return',
      });
    }
  });
  return (await loadContract(opts.db, opts.id))!;
}

/** The registrar's steps on a contract the caller was shown (getContract checked the access). */
export async function reviewTrailOf(opts: { db: Db; contract: LoadedContract }) {
  return presentReviewSteps(await reviewStepsOf(opts.db, 'contract', opts.contract.row.id));
}

/** Versions (certification, amendments, cancellation), oldest first. */
export async function listVersions(opts: { db: Db; actor: Actor; id: string }) {
  const c = await getContract(opts);
  return opts.db.select().from(contractVersions).where(eq(contractVersions.contractId, c.row.id)).orderBy(asc(contractVersions.version));
}

/**
 * The certificate PDF of a certified (or cancelled, marked so) contract; before certification a
 * registrar of the point gets a marked preview.
 */
export async function buildCertificate(opts: { db: Db; actor: Actor; id: string; publicUrl?: string }) {
  const c = await getContract(opts);
  const registered = c.row.status === 'certified' || c.row.status === 'cancelled';
  const preview = !registered && c.row.status === 'submitted' && partiesFor(opts.actor, factsOf(c)).includes('registrar');
  if (!registered && !preview) throw AppError.conflict(`A ${c.row.status} contract has no certificate`);
  const content = certificateContent(c, { preview, publicUrl: opts.publicUrl });
  return {
    content,
    pdf: await renderCertificate(content),
    fileName: preview ? `技术合同登记证明-预览-${c.row.id.slice(0, 8)}` : `技术合同登记证明-${c.row.registrationNumber}`,
  };
}

/** Registration points for the actor's application, its district's point marked default. */
export async function listRegistrationPoints(opts: { db: Db; actor: Actor; organizationId?: string }) {
  requirePermission(opts.actor, 'contract:apply');
  const points = await listRegistrationPointRows(opts.db);
  let regionCode = '120000';
  try {
    regionCode = (await applicantOrganization(opts.db, opts.actor, opts.organizationId)).regionCode;
  } catch {
    // A member of several organisations who names none gets the city's first point as default.
  }
  const def = defaultRegistrationPoint(points, regionCode);
  return points.map((p) => ({ ...p, isDefault: p.id === def?.id }));
}

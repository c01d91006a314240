/** The signed contract scan and other documents: uploaded by the applicant while the application is editable. */
import { and, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ATTACHMENT_TYPES, type AttachmentQuery } from '../../../common/api/contracts.js';
import type { ContractStatus } from '../../../common/contracts.js';
import type { Db } from '../../db/client.js';
import { contractAttachments } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { lockVisibleContract } from './applications.js';
import { EDITABLE } from './lifecycle.js';
import { canSeeContract, partiesFor } from './policy.js';
import { factsOf, loadContract } from './records.js';

const MAX_ATTACHMENTS = 20;

/** The file's first bytes must match its declared type. */
function looksLike(type: string, body: Buffer): boolean {
  if (type === 'application/pdf') return body.subarray(0, 5).toString('latin1') === '%PDF-';
  if (type === 'image/jpeg') return body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff;
  if (type === 'image/png') return body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return false;
}

export async function addAttachment(opts: {
  db: Db;
  actor: Actor;
  id: string;
  query: z.infer<typeof AttachmentQuery>;
  contentType: string | undefined;
  body: unknown;
}) {
  requirePermission(opts.actor, 'contract:apply');
  const attachmentId = newId();
  await opts.db.transaction(async (tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    if (!partiesFor(opts.actor, factsOf(c)).includes('applicant')) throw AppError.forbidden('Only the applicant uploads documents');
    if (!EDITABLE.includes(c.row.status as ContractStatus))
      throw AppError.conflict(`Documents of a ${c.row.status} application cannot change`);
    const type = (opts.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(type) || !Buffer.isBuffer(opts.body) || opts.body.length === 0) {
      throw AppError.validation('body', `send the file as the raw request body with content-type ${ATTACHMENT_TYPES.join(', ')}`);
    }
    if (!looksLike(type, opts.body)) throw AppError.validation('body', `is not a ${type} file`);
    const [{ n }] = (await tx.select({ n: count() }).from(contractAttachments).where(eq(contractAttachments.contractId, c.row.id))) as [
      { n: number },
    ];
    if (Number(n) >= MAX_ATTACHMENTS) throw AppError.conflict(`An application carries at most ${MAX_ATTACHMENTS} documents`);
    const row = {
      id: attachmentId,
      contractId: c.row.id,
      kind: opts.query.kind,
      name: opts.query.name,
      contentType: type,
      sizeBytes: opts.body.length,
      uploadedBy: opts.actor.userId,
      createdAt: clock.now(),
    };
    await tx.insert(contractAttachments).values({ ...row, content: opts.body });
    await writeAudit(tx, opts.actor, {
      action: 'contract.attachment_add',
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      after: { attachment: row },
    });
  });
  const c = (await loadContract(opts.db, opts.id))!;
  return { contract: c, attachment: c.attachments.find((a) => a.id === attachmentId)! };
}

export async function removeAttachment(opts: { db: Db; actor: Actor; id: string; attachmentId: string }) {
  requirePermission(opts.actor, 'contract:apply');
  await opts.db.transaction(async (tx) => {
    const c = await lockVisibleContract(tx, opts.actor, opts.id);
    const a = c.attachments.find((x) => x.id === opts.attachmentId);
    if (!a) throw AppError.notFound('Attachment');
    if (!partiesFor(opts.actor, factsOf(c)).includes('applicant')) throw AppError.forbidden('Only the applicant removes documents');
    if (!EDITABLE.includes(c.row.status as ContractStatus))
      throw AppError.conflict(`Documents of a ${c.row.status} application cannot change`);
    await tx.delete(contractAttachments).where(and(eq(contractAttachments.id, a.id), eq(contractAttachments.contractId, c.row.id)));
    await writeAudit(tx, opts.actor, {
      action: 'contract.attachment_remove',
      entity: 'contract',
      entityId: c.row.id,
      organizationId: c.row.organizationId,
      before: { attachment: { id: a.id, kind: a.kind, name: a.name } },
    });
  });
}

/** An uploaded file, for whoever may see the contract (404 for a link-only attachment: follow its url). */
export async function getAttachmentFile(opts: { db: Db; actor: Actor; id: string; attachmentId: string }) {
  const c = await loadContract(opts.db, opts.id);
  if (!c || !canSeeContract(opts.actor, factsOf(c), c.row.submittedAt != null)) throw AppError.notFound('Contract');
  const [a] = await opts.db
    .select()
    .from(contractAttachments)
    .where(and(eq(contractAttachments.id, opts.attachmentId), eq(contractAttachments.contractId, c.row.id)))
    .limit(1);
  if (!a || !a.content) throw AppError.notFound('Attachment');
  return { name: a.name, contentType: a.contentType ?? 'application/octet-stream', content: a.content };
}

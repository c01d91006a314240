import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AttachmentKind, AttachmentView } from '../../../common/api/attachments.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { findVisibleRecord } from '../catalog/lookups.js';
import { findInquiryForParty } from '../inquiries/lookups.js';
import { attachments } from './schema.js';
import { ALLOWED_FILE_TYPES, cleanFileName, maxBytesOf, MAX_DOCUMENT_BYTES, sniffFileType, type FileType } from './sniff.js';

/**
 * Files on achievements, demands and negotiations. Who may see a file is exactly who may see its
 * target (catalog's visibility for records, the two parties for a negotiation; anyone else 404);
 * who may add one is the record's owner or a party of the negotiation.
 */
export const MAX_FILES_PER_TARGET = 20;

type Row = typeof attachments.$inferSelect;
const NOT_FOUND: Record<AttachmentKind, string> = { achievement: 'Achievement', demand: 'Demand', inquiry: 'Inquiry' };

/** The target if the actor may see it: with the organisation an upload by the actor would be for (null: may not upload). */
async function target(db: DbOrTx, actor: Actor, kind: AttachmentKind, id: string) {
  if (kind === 'inquiry') {
    const inq = await findInquiryForParty(db, actor, id);
    if (!inq) return null;
    return { ownerOrganizationId: inq.ownerOrganizationId, uploaderOrganizationId: inq.myOrganizationId };
  }
  const rec = await findVisibleRecord(db, actor, kind, id);
  if (!rec) return null;
  const mayUpload = rec.owned && actor.permissions.has('catalog:file') && organizationIdsOf(actor).includes(rec.organizationId);
  return { ownerOrganizationId: rec.organizationId, uploaderOrganizationId: mayUpload ? rec.organizationId : null };
}

export function presentAttachment(row: Omit<Row, 'content'>, actor: Actor): AttachmentView {
  const type = row.fileType as FileType;
  return {
    id: row.id,
    targetKind: row.targetKind as AttachmentKind,
    targetId: row.targetId,
    name: row.name,
    fileType: type,
    contentType: ALLOWED_FILE_TYPES[type].mime,
    image: ALLOWED_FILE_TYPES[type].image,
    sizeBytes: row.sizeBytes,
    url: `/api/files/${row.id}`,
    createdAt: row.createdAt.toISOString(),
    mayRemove: organizationIdsOf(actor).includes(row.organizationId) && actor.userId != null,
  };
}

export async function addAttachment(opts: { db: Db; actor: Actor; kind: AttachmentKind; id: string; name: string; body: unknown }) {
  requireUser(opts.actor);
  if (opts.kind !== 'inquiry') requirePermission(opts.actor, 'catalog:file');
  const t = await target(opts.db, opts.actor, opts.kind, opts.id);
  if (!t) throw AppError.notFound(NOT_FOUND[opts.kind]);
  if (!t.uploaderOrganizationId) throw AppError.forbidden('Only the owner adds files to a record');
  const body = Buffer.isBuffer(opts.body) ? opts.body : null;
  if (!body || body.length === 0) throw AppError.validation('body', 'send the file as the raw request body');
  if (body.length > MAX_DOCUMENT_BYTES) throw AppError.validation('body', `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  const type = sniffFileType(body);
  if (!type) throw AppError.validation('body', 'is not a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file');
  if (body.length > maxBytesOf(type)) throw AppError.validation('body', `an image may be at most ${maxBytesOf(type) / 1024 / 1024} MB`);
  const row = {
    id: newId(),
    targetKind: opts.kind,
    targetId: opts.id,
    name: cleanFileName(opts.name, type),
    fileType: type,
    sizeBytes: body.length,
    uploadedBy: opts.actor.userId,
    organizationId: t.uploaderOrganizationId,
    createdAt: clock.now(),
  };
  await opts.db.transaction(async (tx) => {
    // Serialise uploads to one target so the count cannot be overtaken.
    await tx.execute(sqlLock(opts.kind, opts.id));
    const [c] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.targetKind, opts.kind), eq(attachments.targetId, opts.id)));
    if (Number(c?.n ?? 0) >= MAX_FILES_PER_TARGET) throw AppError.conflict(`At most ${MAX_FILES_PER_TARGET} files per ${opts.kind}`);
    await tx.insert(attachments).values({ ...row, content: body });
    await writeAudit(tx, opts.actor, {
      action: 'attachment.add',
      entity: opts.kind,
      entityId: opts.id,
      organizationId: t.ownerOrganizationId,
      after: row,
    });
  });
  return presentAttachment(row, opts.actor);
}

const sqlLock = (kind: string, id: string) => sql`SELECT pg_advisory_xact_lock(hashtext(${`attachments:${kind}:${id}`}))`;

export async function listAttachments(opts: { db: Db; actor: Actor; kind: AttachmentKind; id: string }) {
  const t = await target(opts.db, opts.actor, opts.kind, opts.id);
  if (!t) throw AppError.notFound(NOT_FOUND[opts.kind]);
  const rows = await opts.db
    .select({
      id: attachments.id,
      targetKind: attachments.targetKind,
      targetId: attachments.targetId,
      name: attachments.name,
      fileType: attachments.fileType,
      sizeBytes: attachments.sizeBytes,
      uploadedBy: attachments.uploadedBy,
      organizationId: attachments.organizationId,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.targetKind, opts.kind), eq(attachments.targetId, opts.id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return rows.map((r) => presentAttachment(r, opts.actor));
}

async function visibleFile(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw AppError.notFound('File');
  const t = await target(db, actor, row.targetKind as AttachmentKind, row.targetId);
  if (!t) throw AppError.notFound('File');
  return row;
}

/** The file's bytes for whoever may see its target. */
export async function getFile(opts: { db: Db; actor: Actor; id: string }) {
  const row = await visibleFile(opts.db, opts.actor, opts.id);
  const type = ALLOWED_FILE_TYPES[row.fileType as FileType];
  return { name: row.name, contentType: type.mime, inline: type.image, content: row.content };
}

/** The uploading organisation's members remove a file (while they may still see its target). */
export async function removeAttachment(opts: { db: Db; actor: Actor; id: string }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const row = await visibleFile(tx, opts.actor, opts.id);
    if (!organizationIdsOf(opts.actor).includes(row.organizationId))
      throw AppError.forbidden('Only the uploading organisation removes a file');
    await tx.delete(attachments).where(eq(attachments.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'attachment.remove',
      entity: row.targetKind,
      entityId: row.targetId,
      before: { id: row.id, name: row.name, fileType: row.fileType, sizeBytes: row.sizeBytes },
    });
  });
}

import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListAuditQuery } from '../../../common/api/admin.js';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../lib/schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { verifyAuditChain } from '../../lib/audit.js';

/** Browse the audit log newest first, with keyset pagination on `seq`. */
export async function listAuditEntries(opts: { db: Db; actor: Actor; query: z.infer<typeof ListAuditQuery> }) {
  requirePermission(opts.actor, 'audit:read');
  const q = opts.query;
  const where: SQL[] = [];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actorUserId) where.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.organizationId) where.push(eq(auditLog.organizationId, q.organizationId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  if (q.before) where.push(lt(auditLog.seq, q.before));
  const rows = await opts.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  return { items, nextBefore: more ? items[items.length - 1]!.seq : null };
}

export async function verifyAuditLog(opts: { db: Db; actor: Actor }) {
  requirePermission(opts.actor, 'audit:read');
  return verifyAuditChain(opts.db);
}

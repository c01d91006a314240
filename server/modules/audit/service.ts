import type { z } from 'zod';
import type { ListAuditQuery } from '../../../common/api/admin.js';
import type { Db } from '../../db/client.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { readAuditEntries, verifyAuditChain } from '../../lib/audit.js';

/** Browse the audit log newest first, with keyset pagination on `seq`. */
export async function listAuditEntries(opts: { db: Db; actor: Actor; query: z.infer<typeof ListAuditQuery> }) {
  requirePermission(opts.actor, 'audit:read');
  const q = opts.query;
  const rows = await readAuditEntries(
    opts.db,
    {
      action: q.action,
      entity: q.entity,
      entityId: q.entityId,
      actorUserId: q.actorUserId,
      organizationId: q.organizationId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      before: q.before,
    },
    q.limit + 1,
  );
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  return { items, nextBefore: more ? items[items.length - 1]!.seq : null };
}

export async function verifyAuditLog(opts: { db: Db; actor: Actor }) {
  requirePermission(opts.actor, 'audit:read');
  return verifyAuditChain(opts.db);
}

import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from './schema.js';
import { queryRows, type DbOrTx, type Tx } from '../db/client.js';
import type { Actor } from './actor.js';
import { clock } from './clock.js';
import { canonicalJson, sha256 } from './ids.js';
import { AUTH_ENTITIES, authChanged } from './auth-changes.js';

/** Fields whose values never reach the audit log (their change is still recorded, as `[redacted]`). */
const SENSITIVE = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'password', 'token']);
const AUDIT_CHAIN_LOCK = 727274002;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string; // e.g. organization.approve
  entity: string; // e.g. organization
  entityId: string;
  organizationId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

function redact(obj: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!obj) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = SENSITIVE.has(k) ? '[redacted]' : v;
  return out;
}

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, unknown> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, unknown> = {};
  for (const k of keys) {
    const b = before?.[k];
    const a = after?.[k];
    if (canonicalJson(b ?? null) === canonicalJson(a ?? null)) continue;
    // Compared before redaction, so a changed secret still shows up as a change.
    changes[k] = SENSITIVE.has(k)
      ? { from: b == null ? null : '[redacted]', to: a == null ? null : '[redacted]' }
      : { from: b ?? null, to: a ?? null };
  }
  return changes;
}

export interface ChainedFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  organizationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
}

/** The hash of one row, over its content and the previous row's hash. */
export function rowHash(prevHash: string, f: ChainedFields): string {
  return sha256(
    prevHash +
      '|' +
      canonicalJson({
        seq: f.seq,
        at: f.at.toISOString(),
        actorUserId: f.actorUserId,
        actorLabel: f.actorLabel,
        organizationId: f.organizationId,
        action: f.action,
        entity: f.entity,
        entityId: f.entityId,
        beforeDigest: f.beforeDigest,
        afterDigest: f.afterDigest,
        changes: f.changes,
        requestId: f.requestId,
      }),
  );
}

/**
 * Appends one entry to the audit log inside the caller's transaction. A transaction-scoped advisory
 * lock orders writers, so sequence order is chain order and a rolled-back change leaves no row.
 */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  // Before the commit too: what a concurrent request reads and caches meanwhile is dropped again
  // after the commit (identity/hook.ts) — the cache refuses a fill that a change overtook.
  if (AUTH_ENTITIES.has(entry.entity)) authChanged(actor.requestId ?? null);
  // The lock is its own statement: a statement's snapshot is taken before it waits, so the read of
  // the chain's head must start after the lock is held (or it could miss the previous holder's row).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [seqRow] = await queryRows<{ hash: string | null; seq: string | number }>(
    tx,
    sql`SELECT (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash, nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`,
  );
  const prevHash = seqRow?.hash ?? GENESIS_HASH;
  const before = redact(entry.before);
  const after = redact(entry.after);
  const fields: ChainedFields = {
    seq: Number(seqRow!.seq),
    at: clock.now(),
    actorUserId: actor.userId,
    actorLabel: actor.kind === 'anonymous' ? 'anonymous' : (actor.email ?? actor.kind),
    organizationId: entry.organizationId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    beforeDigest: before ? sha256(canonicalJson(before)) : null,
    afterDigest: after ? sha256(canonicalJson(after)) : null,
    changes: JSON.parse(canonicalJson(diff(entry.before ?? null, entry.after ?? null))) as Record<string, unknown>,
    requestId: actor.requestId,
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: rowHash(prevHash, fields) });
}

export interface ChainBreak {
  seq: number;
  reason: 'edited' | 'deleted_or_reordered';
}

/** Walks the chain in sequence order and returns the first broken row, or null when intact. */
export async function verifyAuditChain(db: DbOrTx, batch = 5000): Promise<{ rows: number; broken: ChainBreak | null }> {
  let prevHash = GENESIS_HASH;
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(batch);
    if (page.length === 0) return { rows, broken: null };
    for (const r of page) {
      rows++;
      if (r.prevHash !== prevHash) return { rows, broken: { seq: r.seq, reason: 'deleted_or_reordered' } };
      const expected = rowHash(prevHash, { ...r, changes: r.changes ?? null });
      if (expected !== r.hash) return { rows, broken: { seq: r.seq, reason: 'edited' } };
      prevHash = r.hash;
      after = r.seq;
    }
  }
}

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  action?: string;
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  organizationId?: string;
  from?: Date;
  to?: Date;
  /** Only entries with a smaller `seq` (keyset pagination). */
  before?: number;
}

/** Audit entries matching the filter, newest first. */
export async function readAuditEntries(db: DbOrTx, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.organizationId) where.push(eq(auditLog.organizationId, filter.organizationId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, filter.to));
  if (filter.before) where.push(lt(auditLog.seq, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

/** Entries after `afterSeq` with one of these actions, oldest first: for consumers that follow the log (webhooks). */
export async function readAuditEntriesAfter(
  db: DbOrTx,
  opts: { afterSeq: number; actions: readonly string[] },
  limit: number,
): Promise<AuditRow[]> {
  if (opts.actions.length === 0) return [];
  return db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.seq, opts.afterSeq), inArray(auditLog.action, [...opts.actions])))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}

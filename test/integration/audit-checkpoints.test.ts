import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { rowHash, verifyAuditChain, type ChainedFields } from '../../server/lib/audit.js';
import { checkAgainstCheckpoint, loadAuditSigner, readCheckpoints, writeCheckpoint } from '../../server/lib/audit-checkpoints.js';
import { createUser } from '../factories.js';
import { createTestApp } from '../harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jq-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row extends ChainedFields {
  prevHash: string;
  hash: string;
}

async function chainRows(db: Parameters<typeof queryRows>[0]): Promise<Row[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT seq::int AS seq, at, actor_user_id, actor_label, organization_id, action, entity, entity_id, before_digest, after_digest, changes, request_id, prev_hash, hash FROM audit_log ORDER BY seq`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at as string),
    actorUserId: (r.actor_user_id as string) ?? null,
    actorLabel: r.actor_label as string,
    organizationId: (r.organization_id as string) ?? null,
    action: r.action as string,
    entity: r.entity as string,
    entityId: r.entity_id as string,
    beforeDigest: (r.before_digest as string) ?? null,
    afterDigest: (r.after_digest as string) ?? null,
    changes: (r.changes as Record<string, unknown>) ?? null,
    requestId: (r.request_id as string) ?? null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }));
}

describe('signed checkpoints anchor the audit chain', () => {
  it('the key is made once, kept outside the database, and checkpoints verify with it only', async () => {
    const a = loadAuditSigner({ dataDir: dir });
    const b = loadAuditSigner({ dataDir: dir });
    expect(b.keyId).toBe(a.keyId);
    expect(readFileSync(path.join(dir, 'audit-signing-key.pem'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    const other = loadAuditSigner({ dataDir: mkdtempSync(path.join(dir, 'other-')) });
    expect(other.keyId).not.toBe(a.keyId);
  });

  it('names rows deleted from the end, and a chain edited and re-hashed, which the chain walk alone accepts', async () => {
    const own = await createTestApp();
    const file = path.join(dir, 'audit-checkpoints.jsonl');
    try {
      for (let i = 0; i < 5; i++) await createUser(own.db);
      const signer = loadAuditSigner({ dataDir: dir });
      const first = await writeCheckpoint(own.db, signer, file);
      expect(first).not.toBeNull();
      // Unchanged head: nothing new is written.
      expect(await writeCheckpoint(own.db, signer, file)).toBeNull();
      expect(readCheckpoints(file)).toHaveLength(1);
      expect(await checkAgainstCheckpoint(own.db, first!)).toBeNull();

      // The trigger is what an attacker with the database's owner rights turns off first.
      await own.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);

      // Edit one row and recompute every later hash: the chain walk cannot tell.
      const rows = await chainRows(own.db);
      const target = rows.length - 3;
      let prev = rows[target]!.prevHash;
      for (let i = target; i < rows.length; i++) {
        const r = rows[i]!;
        const fields: ChainedFields = { ...r, action: i === target ? 'user.forged' : r.action };
        const hash = rowHash(prev, fields);
        await own.db.execute(sql`UPDATE audit_log SET action = ${fields.action}, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${r.seq}`);
        prev = hash;
      }
      expect((await verifyAuditChain(own.db)).broken).toBeNull();
      expect(await checkAgainstCheckpoint(own.db, first!)).toEqual({ kind: 'rewritten', seq: first!.headSeq });

      // Delete the last two rows: the chain walk still passes (the head is simply earlier).
      const last = rows.at(-1)!.seq;
      await own.db.execute(sql`DELETE FROM audit_log WHERE seq >= ${last - 1}`);
      expect((await verifyAuditChain(own.db)).broken).toBeNull();
      expect(await checkAgainstCheckpoint(own.db, first!)).toMatchObject({ kind: 'truncated', missingRows: 2 });

      // A checkpoint altered after signing, or checked against another key, is refused.
      expect(await checkAgainstCheckpoint(own.db, { ...first!, rows: first!.rows - 2 })).toEqual({ kind: 'bad_signature' });
      const stranger = loadAuditSigner({ dataDir: mkdtempSync(path.join(dir, 'stranger-')) });
      expect(await checkAgainstCheckpoint(own.db, first!, stranger.publicKeyPem)).toEqual({ kind: 'bad_signature' });
    } finally {
      await own.close();
    }
  });

  it('GET /api/audit/checkpoints publishes them to anyone', async () => {
    const own = await createTestApp();
    try {
      const res = await own.app.inject({ method: 'GET', url: '/api/audit/checkpoints' });
      expect(res.statusCode).toBe(200);
      expect(Array.isArray(res.json().items)).toBe(true);
    } finally {
      await own.close();
    }
  });
});

import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { createLoggedInUser, createUser, loginAs, unique, uniqueCreditCode } from '../factories.js';
import { createTestApp, useTestApp } from '../harness.js';

const t = useTestApp();

interface Entry {
  seq: number;
  action: string;
  actorUserId: string | null;
  actorLabel: string;
  entity: string;
  entityId: string;
  organizationId: string | null;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  requestId: string | null;
}

describe('the audit log records every mutation', () => {
  it('with actor, action, entity and request id, and the chain verifies', async () => {
    const { user: adminUser, session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const audit = async (query: string) => {
      const res = await admin.inject({ method: 'GET', url: `/api/audit?limit=500&${query}` });
      expect(res.statusCode).toBe(200);
      return res.json().items as Entry[];
    };
    const startSeq = Math.max(0, ...(await audit('')).map((e) => e.seq));

    // Registration (anonymous actor).
    const email = `founder.${unique()}@example.test`;
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/register',
      headers: { 'x-request-id': 'req-register-1' },
      payload: {
        organization: { type: 'university', name: `测试大学 ${unique()}`, creditCode: uniqueCreditCode(), regionCode: '120104' },
        user: { name: '王五', email, password: 'Founder-passw0rd' },
      },
    });
    expect(reg.statusCode).toBe(201);
    const orgId = reg.json().organization.id as string;
    const founderId = reg.json().userId as string;

    // Approval, login, edit, member, token, lock + unlock, locale, password, logout.
    expect(
      (await admin.inject({ method: 'POST', url: `/api/organizations/${orgId}/review`, payload: { decision: 'approve' } })).statusCode,
    ).toBe(200);
    const founder = await loginAs(t.app, { email, password: 'Founder-passw0rd' });
    expect(
      (await founder.inject({ method: 'PATCH', url: `/api/organizations/${orgId}`, payload: { website: 'https://example.edu.cn' } }))
        .statusCode,
    ).toBe(200);
    const memberEmail = `m.${unique()}@example.test`;
    const added = await founder.inject({
      method: 'POST',
      url: `/api/organizations/${orgId}/members`,
      payload: { email: memberEmail, name: '赵六', role: 'org_member', password: 'Member-passw0rd' },
    });
    expect(added.statusCode).toBe(202);
    const member = await loginAs(t.app, { email: memberEmail, password: 'Member-passw0rd' });
    const [invitation] = (await member.inject({ method: 'GET', url: '/api/me/invitations' })).json().items;
    expect((await member.inject({ method: 'POST', url: `/api/me/invitations/${invitation.id}/accept` })).statusCode).toBe(204);
    const memberId = (await member.inject({ method: 'GET', url: '/api/me' })).json().user.id as string;
    expect((await founder.inject({ method: 'DELETE', url: `/api/organizations/${orgId}/members/${memberId}` })).statusCode).toBe(204);
    const tok = (
      await founder.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'export', scopes: ['token:own'] } })
    ).json();
    expect((await founder.inject({ method: 'DELETE', url: `/api/me/tokens/${tok.apiToken.id}` })).statusCode).toBe(204);
    const victim = await createUser(t.db, { role: 'org_member' });
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: victim.email, password: 'nope-nope-1' } });
    expect((await admin.inject({ method: 'PATCH', url: `/api/admin/users/${victim.id}`, payload: { unlock: true } })).statusCode).toBe(200);
    const grant = await admin.inject({
      method: 'POST',
      url: `/api/admin/users/${victim.id}/roles`,
      payload: { role: 'gov_officer', regionCode: '120116' },
    });
    expect(grant.statusCode).toBe(200);
    expect((await founder.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'en' } })).statusCode).toBe(200);
    expect(
      (
        await founder.inject({
          method: 'POST',
          url: '/api/me/password',
          payload: { currentPassword: 'Founder-passw0rd', newPassword: 'Founder-passw0rd-2' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await founder.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);

    const entries = (await audit('')).filter((e) => e.seq > startSeq).reverse();
    const find = (action: string, actorUserId: string | null, entityId?: string) => {
      const e = entries.find((x) => x.action === action && x.actorUserId === actorUserId && (!entityId || x.entityId === entityId));
      expect(e, `${action} by ${actorUserId ?? 'anonymous'}`).toBeDefined();
      return e!;
    };
    const registered = find('organization.register', null, orgId);
    expect(registered).toMatchObject({ actorLabel: 'anonymous', organizationId: orgId, requestId: 'req-register-1' });
    expect(registered.changes).toMatchObject({ status: { from: null, to: 'pending' } });
    find('user.create', null, founderId);
    find('role.assign', null);
    expect(find('organization.approve', adminUser.id, orgId).changes).toMatchObject({ status: { from: 'pending', to: 'active' } });
    find('session.create', founderId);
    expect(find('organization.update', founderId, orgId).changes).toMatchObject({ website: { from: null, to: 'https://example.edu.cn' } });
    find('user.create', founderId, memberId);
    find('role.remove', founderId);
    find('api_token.create', founderId, tok.apiToken.id);
    find('api_token.revoke', founderId, tok.apiToken.id);
    expect(find('user.lock', null, victim.id).actorLabel).toBe('anonymous');
    find('user.unlock', adminUser.id, victim.id);
    find('role.assign', adminUser.id);
    find('user.update_locale', founderId, founderId);
    const pw = find('user.change_password', founderId, founderId);
    // The password hash never reaches the log.
    expect(JSON.stringify(pw.changes)).not.toMatch(/argon2/);
    expect(pw.changes).toMatchObject({ passwordHash: { from: '[redacted]', to: '[redacted]' } });
    find('session.revoke', founderId);

    // Sequence numbers are strictly increasing with no gaps in what was written.
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const verify = await admin.inject({ method: 'GET', url: '/api/audit/verify' });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, broken: null });
    expect(verify.json().rows).toBeGreaterThanOrEqual(entries.length);
  });

  it('filters by action and pages with nextBefore', async () => {
    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    for (let i = 0; i < 3; i++) await createUser(t.db);
    const page1 = (await admin.inject({ method: 'GET', url: '/api/audit?action=user.create&limit=2' })).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((e: Entry) => e.action === 'user.create')).toBe(true);
    expect(page1.nextBefore).toBe(page1.items[1].seq);
    const page2 = (await admin.inject({ method: 'GET', url: `/api/audit?action=user.create&limit=2&before=${page1.nextBefore}` })).json();
    expect(page2.items[0].seq).toBeLessThan(page1.items[1].seq);
  });

  it('only platform admins read it', async () => {
    const { session: officer } = await createLoggedInUser(t.app, t.db, { role: 'gov_officer' });
    expect((await officer.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await officer.inject({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('a failed mutation writes no audit row', async () => {
    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const [before] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    const res = await admin.inject({
      method: 'POST',
      url: `/api/admin/users/${crypto.randomUUID()}/roles`,
      payload: { role: 'platform_admin' },
    });
    expect(res.statusCode).toBe(404);
    const bad = await admin.inject({
      method: 'POST',
      url: `/api/admin/users/${(await createUser(t.db)).id}/roles`,
      payload: { role: 'gov_officer', regionCode: '999999' },
    });
    expect(bad.statusCode).toBe(400);
    const [after] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    // Only the factory's user.create was added.
    expect(after!.n).toBe(before!.n + 1);
  });
});

/** The database's own message for a refused statement (drizzle wraps it as the error's cause). */
async function dbError(query: SQL): Promise<string> {
  try {
    await t.db.execute(query);
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  return 'no error';
}

describe('the audit log resists tampering', () => {
  it('the database refuses UPDATE and DELETE while the append-only trigger is on', async () => {
    await createUser(t.db);
    expect(await dbError(sql`UPDATE audit_log SET action = 'forged' WHERE seq = (SELECT max(seq) FROM audit_log)`)).toMatch(
      /audit_log is append-only \(UPDATE refused\)/,
    );
    expect(await dbError(sql`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`)).toMatch(
      /audit_log is append-only \(DELETE refused\)/,
    );
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('with the trigger disabled, verification names the first edited row, then the row after a deleted one', async () => {
    // Its own database: this test leaves the chain broken.
    const own = await createTestApp();
    try {
      const { session: admin } = await createLoggedInUser(own.app, own.db, { role: 'platform_admin' });
      for (let i = 0; i < 4; i++) await createUser(own.db);
      const rows = await queryRows<{ seq: number; action: string }>(
        own.db,
        sql`SELECT seq::int AS seq, action FROM audit_log ORDER BY seq`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(7);
      expect(await verifyAuditChain(own.db)).toEqual({ rows: rows.length, broken: null });

      const edited = rows[rows.length - 4]!;
      const later = rows[rows.length - 2]!;
      await own.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      // Editing two rows: the first one is reported.
      await own.db.execute(sql`UPDATE audit_log SET action = 'forged' WHERE seq = ${later.seq}`);
      await own.db.execute(sql`UPDATE audit_log SET action = 'user.delete' WHERE seq = ${edited.seq}`);
      expect((await verifyAuditChain(own.db)).broken).toEqual({ seq: edited.seq, reason: 'edited' });
      const api = await admin.inject({ method: 'GET', url: '/api/audit/verify' });
      expect(api.json()).toMatchObject({ ok: false, broken: { seq: edited.seq, reason: 'edited' } });

      // Put the rows back: the chain verifies again.
      await own.db.execute(sql`UPDATE audit_log SET action = ${edited.action} WHERE seq = ${edited.seq}`);
      await own.db.execute(sql`UPDATE audit_log SET action = ${later.action} WHERE seq = ${later.seq}`);
      expect((await verifyAuditChain(own.db)).broken).toBeNull();

      // Deleting a row breaks the link of the row after it.
      await own.db.execute(sql`DELETE FROM audit_log WHERE seq = ${edited.seq}`);
      expect((await verifyAuditChain(own.db)).broken).toEqual({ seq: rows[rows.length - 3]!.seq, reason: 'deleted_or_reordered' });
      expect((await admin.inject({ method: 'GET', url: '/api/audit/verify' })).json().ok).toBe(false);
    } finally {
      await own.close();
    }
  });
});

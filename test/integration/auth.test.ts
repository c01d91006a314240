import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { apiTokens, sessions } from '../../server/modules/identity/schema.js';
import { sha256 } from '../../server/lib/ids.js';
import { createLoggedInUser, createUser, DEFAULT_PASSWORD, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const login = (email: string, password: string, remoteAddress = '10.1.1.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the CSRF token', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const res = await login(user.email, user.password);
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'jq_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session!.value.length).toBeGreaterThanOrEqual(40);
    const body = res.json();
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.user.email).toBe(user.email);
    expect(body.permissions).toContain('org:read_own');
    // The cookie alone identifies the caller.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `jq_session=${session!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
  });

  it('accepts the e-mail in any case', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password with problem+json invalid_credentials and sets no cookie', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const res = await login(user.email, 'wrong-password-1');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(res.cookies.find((c) => c.name === 'jq_session')).toBeUndefined();
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const res = await login('nobody-here@example.test', 'whatever-123');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });

  it('locks the account after 5 failures, refuses even the right password, and an admin unlock lets them in', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    for (let i = 1; i <= 5; i++) {
      const res = await login(user.email, `wrong-password-${i}`, `10.2.0.${i}`);
      expect(res.statusCode, `failure ${i}`).toBe(401);
    }
    const locked = await login(user.email, user.password, '10.2.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'account_locked' });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const unlock = await admin.inject({ method: 'PATCH', url: `/api/admin/users/${user.id}`, payload: { unlock: true } });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();

    const after = await login(user.email, user.password);
    expect(after.statusCode).toBe(200);
  });

  it('does not lock another account: failures count per e-mail', async () => {
    const victim = await createUser(t.db, { role: 'org_member' });
    const other = await createUser(t.db, { role: 'org_member' });
    for (let i = 0; i < 5; i++) await login(victim.email, 'wrong-password-0');
    expect((await login(other.email, other.password)).statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('needs the CSRF header, then the cookie no longer works', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const wrongCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    // The refused logout did not end the session.
    expect((await session.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);

    const res = await session.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    const me = await session.inject({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('unauthenticated');
  });
});

describe('password change', () => {
  it('ends every other session, keeps the current one, and swaps which password works', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const a = await loginAs(t.app, user);
    const b = await loginAs(t.app, user);
    const newPassword = 'Brand-new-passw0rd';

    const wrong = await a.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'not-it-123', newPassword } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: 'body.currentPassword' })]);

    const res = await a.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEFAULT_PASSWORD, newPassword } });
    expect(res.statusCode).toBe(204);
    expect((await a.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await b.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);

    expect((await login(user.email, DEFAULT_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.email, newPassword)).statusCode).toBe(200);
  });

  it('refuses a weak new password with the field named', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const res = await session.inject({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.newPassword');
  });
});

describe('own sessions', () => {
  it('lists own sessions and revokes another one of them', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const a = await loginAs(t.app, user);
    const b = await loginAs(t.app, user);
    const list = await a.inject({ method: 'GET', url: '/api/me/sessions' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; current: boolean }>;
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    // The listed id is a short key, never the session secret or its full hash.
    for (const s of items) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(a.sessionToken).not.toContain(s.id);
    }
    const other = items.find((s) => !s.current)!;
    expect(other.id).toBe(sha256(b.sessionToken).slice(0, 16));

    const res = await a.inject({ method: 'DELETE', url: `/api/me/sessions/${other.id}` });
    expect(res.statusCode).toBe(204);
    expect((await b.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await a.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/api/me/sessions' })).json().items).toHaveLength(1);
  });

  it("cannot revoke someone else's session: 404, and that session lives on", async () => {
    const { session: mallory } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const { session: alice } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const aliceKey = sha256(alice.sessionToken).slice(0, 16);
    const res = await mallory.inject({ method: 'DELETE', url: `/api/me/sessions/${aliceKey}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await alice.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('stores sessions by hash only', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const rows = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sha256(session.sessionToken)));
    expect(rows).toHaveLength(1);
    const plain = await t.db.select().from(sessions).where(eq(sessions.id, session.sessionToken));
    expect(plain).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('shows the secret once and stores only its hash', async () => {
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const res = await session.inject({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'CI export', scopes: ['token:own', 'org:read_own'] },
    });
    expect(res.statusCode).toBe(201);
    const { token, apiToken } = res.json();
    expect(token).toMatch(/^jq_[A-Za-z0-9_-]{30,}$/);
    expect(apiToken).toMatchObject({ name: 'CI export', prefix: token.slice(0, 10), revokedAt: null });

    // Listing never shows the secret again.
    const list = await session.inject({ method: 'GET', url: '/api/me/tokens' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(apiToken.id);

    // No column of any token row holds the plaintext; the hash is SHA-256 of it.
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(row!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const [anywhere] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM api_tokens t WHERE t::text LIKE ${'%' + token + '%'}`,
    );
    expect(anywhere!.n).toBe(0);
    // …nor does the audit log.
    const [audit] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log a WHERE a::text LIKE ${'%' + token + '%'}`,
    );
    expect(audit!.n).toBe(0);
  });

  it('authenticates with Bearer, and a mutation needs no CSRF header', async () => {
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const { token } = (
      await session.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'bot', scopes: ['token:own'] } })
    ).json();
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id }, via: 'token', csrfToken: null, permissions: ['token:own'] });
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: bearer, payload: { locale: 'en' } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().user.locale).toBe('en');
  });

  it('limits the token to its scopes even when its owner holds more', async () => {
    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    expect((await admin.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(200);
    const { token } = (
      await admin.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'narrow', scopes: ['token:own'] } })
    ).json();
    const res = await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
  });

  it('refuses to issue a token with a permission its owner lacks', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const res = await session.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'greedy', scopes: ['audit:read'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.scopes' })]);
  });

  it('a revoked token gets 401, and so does a made-up one', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const { token, apiToken } = (
      await session.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'temp', scopes: ['token:own'] } })
    ).json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(200);
    const revoke = await session.inject({ method: 'DELETE', url: `/api/me/tokens/${apiToken.id}` });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
    const fake = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer jq_${'x'.repeat(40)}` } });
    expect(fake.statusCode).toBe(401);
    // A bad token is refused even on a public route rather than silently ignored.
    expect((await t.app.inject({ method: 'GET', url: '/api/regions', headers: bearer })).statusCode).toBe(401);
  });

  it("cannot revoke someone else's token", async () => {
    const { session: alice } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const { session: bob } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const { token, apiToken } = (
      await alice.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'mine', scopes: ['token:own'] } })
    ).json();
    const res = await bob.inject({ method: 'DELETE', url: `/api/me/tokens/${apiToken.id}` });
    expect(res.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });
});

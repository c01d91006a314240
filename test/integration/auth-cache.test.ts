import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { sha256 } from '../../server/lib/ids.js';
import { createLoggedInUser } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * The authentication cache (server/modules/identity/auth-cache.ts) never outlives a change: what this
 * process changes is forgotten when it is made, what another process commits is forgotten when the
 * database's notification arrives — well before the cache's own 2-second limit.
 */
const t = useTestApp();
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
/**
 * Waits until every change committed so far has been heard (notices arrive in commit order, so once
 * a no-op change's notice is heard, every earlier one has been — e.g. the new user's role grant).
 * Returns the cache's generation then.
 */
async function heardUpTo(): Promise<number> {
  const before = t.app.authCache.generation;
  await queryRows(t.db, sql`UPDATE organizations SET name = name WHERE false`);
  await expect.poll(() => t.app.authCache.generation, { timeout: 1000, interval: 20 }).toBeGreaterThan(before);
  return t.app.authCache.generation;
}

describe('authentication cache', () => {
  it('is on (its listening connection is up) and holds a session after its first request', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect(t.app.authCache.active).toBe(true);
    await heardUpTo();
    expect((await me(session.cookie)).statusCode).toBe(200);
    expect(t.app.authCache.size).toBe(1);
  });

  it('forgets a session at logout: the next request with its cookie is anonymous', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await me(session.cookie)).statusCode).toBe(200);
    expect((await session.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBeLessThan(300);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('forgets when another process revokes a session (a write this process never saw, announced on commit)', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    await heardUpTo();
    expect((await me(session.cookie)).statusCode).toBe(200);
    expect(t.app.authCache.size).toBeGreaterThan(0);
    // Straight to the database, as another server process would: no audit entry in this process.
    await queryRows(t.db, sql`UPDATE sessions SET revoked_at = now() WHERE id = ${sha256(session.sessionToken)}`);
    // Within 1 s — the cache alone would keep the session for up to 2 s.
    await expect.poll(async () => (await me(session.cookie)).statusCode, { timeout: 1000, interval: 20 }).toBe(401);
  });

  it("forgets when another process removes a user's role: the permission is gone at once", async () => {
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const before = (await me(session.cookie)).json() as { permissions: string[] };
    expect(before.permissions).toContain('org:read_own');
    await queryRows(t.db, sql`DELETE FROM role_assignments WHERE user_id = ${user.id}`);
    await expect
      .poll(async () => ((await me(session.cookie)).json() as { permissions: string[] }).permissions, { timeout: 1000, interval: 20 })
      .not.toContain('org:read_own');
  });

  it('does not forget on the writes a session makes every minute (sliding expiry)', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await me(session.cookie)).statusCode).toBe(200);
    const generation = await heardUpTo();
    await queryRows(
      t.db,
      sql`UPDATE sessions SET last_seen_at = now(), expires_at = now() + interval '1 day' WHERE id = ${sha256(session.sessionToken)}`,
    );
    // Only the second no-op's notice: the sliding-expiry write announced nothing.
    await expect.poll(async () => (await heardUpTo()) - generation).toBe(1);
  });

  it('stops caching while its listening connection is down, and listens again after it reconnects (PostgreSQL)', async (ctx) => {
    if (t.kind !== 'postgres') ctx.skip();
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const listeners = sql`SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN jq_auth' AND datname = current_database()`;
    expect(await queryRows(t.db, listeners)).toHaveLength(1);
    await queryRows(
      t.db,
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN jq_auth' AND datname = current_database()`,
    );
    await expect.poll(() => t.app.authCache.active, { interval: 10 }).toBe(false);
    await expect.poll(() => t.app.authCache.active, { timeout: 5000, interval: 50 }).toBe(true);
    expect(await queryRows(t.db, listeners)).toHaveLength(1);
    // Listening again: another process's revocation is heard.
    expect((await me(session.cookie)).statusCode).toBe(200);
    await queryRows(t.db, sql`UPDATE sessions SET revoked_at = now() WHERE id = ${sha256(session.sessionToken)}`);
    await expect.poll(async () => (await me(session.cookie)).statusCode, { timeout: 1000, interval: 20 }).toBe(401);
  });
});

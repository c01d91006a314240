import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { apiTokens, sessions, users } from './schema.js';
import { anonymousActor, buildUserActor, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId, randomToken, sha256 } from '../../lib/ids.js';
import { clearCounter, hitCounter, windowEnd } from '../../lib/throttle.js';
import { effectiveGrants, grantRowsJson, loadGrantRows, type GrantRow } from './grants.js';
import type { AuthCache } from './auth-cache.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

/** Login throttling: failures per e-mail lock that e-mail for the rest of the window; per IP, a ceiling. */
export const LOGIN_POLICY = { windowMs: 15 * 60_000, maxFailuresPerEmail: 5, maxAttemptsPerIp: 50 };
const SESSION_TOUCH_MS = 60_000;

export interface Authenticated {
  actor: Actor;
  csrfToken: string | null;
  /** What authentication already read, so `getMe` need not read it again. */
  profile: Profile;
}

export interface Profile {
  user: { id: string; email: string; name: string; locale: string };
  grants: GrantRow[];
}

type ActorExtra = { via: 'session' | 'token'; sessionId?: string; tokenId?: string; scopes?: string[]; requestId: string };

async function actorFor(db: DbOrTx, user: { id: string; email: string }, extra: ActorExtra): Promise<Actor> {
  const rows = (await loadGrantRows(db, [user.id])).get(user.id) ?? [];
  return buildUserActor({ userId: user.id, email: user.email, grants: effectiveGrants(rows), ...extra });
}

/** The actor a scheduled job acts for on a user's behalf (e.g. to see their records' matches); null if the user is gone or disabled. */
export async function actorForUserId(opts: { db: DbOrTx; userId: string }): Promise<Actor | null> {
  const [user] = await opts.db
    .select({ id: users.id, email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, opts.userId));
  if (!user || user.disabled) return null;
  return actorFor(opts.db, user, { via: 'session', requestId: 'job' });
}

const profileColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  disabled: users.disabled,
  grants: grantRowsJson(sql`${users.id}`),
};

function toProfile(u: { id: string; email: string; name: string; locale: string; grants: GrantRow[] }): Profile {
  return { user: { id: u.id, email: u.email, name: u.name, locale: u.locale }, grants: u.grants };
}

/**
 * The two reads every authenticated request makes, as named prepared statements: on PostgreSQL each
 * connection parses and plans them once (planning the grants subquery cost more than running it:
 * 0.16 of 0.2 ms per request in bench:auction). One set per database handle.
 */
function prepareLookups(db: Db) {
  return {
    session: db
      .select({ session: sessions, user: profileColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt)))
      .limit(1)
      .prepare('identity_session_lookup'),
    token: db
      .select({ token: apiTokens, user: profileColumns })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare('identity_token_lookup'),
  };
}
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookups>>();
function lookupsFor(db: Db) {
  let found = lookups.get(db);
  if (!found) lookups.set(db, (found = prepareLookups(db)));
  return found;
}

/** A credential's row from the cache, else from the database. */
const cachedLookup = <T>(cache: AuthCache | undefined, key: string, read: () => Promise<T | undefined>) =>
  cache ? cache.readThrough(key, read) : read();

/** Resolves a session cookie to its actor, or null when the session is unknown, revoked or expired. */
export async function authenticateSession(opts: {
  db: Db;
  token: string;
  requestId: string;
  ttlHours: number;
  cache?: AuthCache;
}): Promise<Authenticated | null> {
  const id = sha256(opts.token);
  const now = clock.now();
  const row = await cachedLookup(opts.cache, `s:${id}`, async () => (await lookupsFor(opts.db).session.execute({ id }))[0]);
  if (!row || row.user.disabled || row.session.expiresAt <= now) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    // Sliding expiry; written at most once a minute per session (the cached row learns it too).
    const expiresAt = new Date(now.getTime() + opts.ttlHours * 3600_000);
    await opts.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
    Object.assign(row.session, { lastSeenAt: now, expiresAt });
  }
  const actor = buildUserActor({
    userId: row.user.id,
    email: row.user.email,
    grants: effectiveGrants(row.user.grants),
    via: 'session',
    sessionId: id,
    requestId: opts.requestId,
  });
  return { actor, csrfToken: row.session.csrfToken, profile: toProfile(row.user) };
}

/** Resolves a bearer API token (`jq_…`) to its actor, limited to the token's scopes. */
export async function authenticateApiToken(opts: {
  db: Db;
  token: string;
  requestId: string;
  cache?: AuthCache;
}): Promise<Authenticated | null> {
  const now = clock.now();
  const tokenHash = sha256(opts.token);
  const row = await cachedLookup(opts.cache, `t:${tokenHash}`, async () => (await lookupsFor(opts.db).token.execute({ tokenHash }))[0]);
  if (!row || row.user.disabled || (row.token.expiresAt && row.token.expiresAt <= now)) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
    await opts.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
    row.token.lastUsedAt = now;
  }
  const actor = buildUserActor({
    userId: row.user.id,
    email: row.user.email,
    grants: effectiveGrants(row.user.grants),
    via: 'token',
    tokenId: row.token.id,
    scopes: row.token.scopes,
    requestId: opts.requestId,
  });
  return { actor, csrfToken: null, profile: toProfile(row.user) };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

export async function login(opts: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  ttlHours: number;
}): Promise<LoginResult> {
  const email = opts.email.trim().toLowerCase();
  const emailKey = `login:email:${email}`;
  const ipKey = `login:ip:${opts.ip}`;
  const retryAfter = () => ({
    'retry-after': String(Math.ceil((windowEnd(LOGIN_POLICY.windowMs).getTime() - clock.now().getTime()) / 1000)),
  });

  if ((await hitCounter(opts.db, { key: ipKey, windowMs: LOGIN_POLICY.windowMs })) > LOGIN_POLICY.maxAttemptsPerIp) {
    throw new AppError('rate_limited', 'Too many login attempts from this address; try again later', { headers: retryAfter() });
  }
  const [user] = await opts.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const now = clock.now();
  const lockedUntil = user?.lockedUntil;
  if (lockedUntil && lockedUntil > now) {
    throw new AppError('account_locked', 'This account is locked after repeated failed logins; try again later', {
      headers: { 'retry-after': String(Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)) },
    });
  }
  // The attempt is counted for the account BEFORE the password is checked (one atomic increment), so
  // however many attempts race, at most maxFailuresPerEmail of them are ever verified; a success clears it.
  const attempts = await hitCounter(opts.db, { key: emailKey, windowMs: LOGIN_POLICY.windowMs });
  if (attempts > LOGIN_POLICY.maxFailuresPerEmail) {
    throw new AppError('account_locked', 'This account is locked after repeated failed logins; try again later', { headers: retryAfter() });
  }

  const ok = user
    ? await verifyPassword(user.passwordHash, opts.password)
    : (await verifyPassword(await dummyPasswordHash(), opts.password), false);
  if (!user || !ok || user.disabled) {
    const failures = attempts;
    if (user && failures >= LOGIN_POLICY.maxFailuresPerEmail) {
      const lockedUntil = windowEnd(LOGIN_POLICY.windowMs);
      await opts.db.transaction(async (tx) => {
        await tx.update(users).set({ lockedUntil, failedLogins: failures }).where(eq(users.id, user.id));
        await writeAudit(tx, anonymousActor(opts.requestId), {
          action: 'user.lock',
          entity: 'user',
          entityId: user.id,
          before: { lockedUntil: user.lockedUntil },
          after: { lockedUntil },
        });
      });
    }
    throw new AppError('invalid_credentials');
  }

  const token = randomToken();
  const csrfToken = randomToken(24);
  const sessionId = sha256(token);
  const actor = await actorFor(opts.db, user, { via: 'session', sessionId, requestId: opts.requestId });
  await opts.db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sessionId,
      userId: user.id,
      csrfToken,
      ip: opts.ip,
      userAgent: opts.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + opts.ttlHours * 3600_000),
    });
    await tx.update(users).set({ lastLoginAt: now, failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await writeAudit(tx, actor, {
      action: 'session.create',
      entity: 'session',
      entityId: sessionId.slice(0, 16),
      after: { userId: user.id, ip: opts.ip },
    });
  });
  await clearCounter(opts.db, emailKey);
  return { token, csrfToken, actor };
}

export async function logout(opts: { db: Db; actor: Actor }): Promise<void> {
  requireUser(opts.actor);
  if (!opts.actor.sessionId) return;
  await revokeSessionRow(opts.db, opts.actor, opts.actor.sessionId);
}

async function revokeSessionRow(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ revokedAt: clock.now() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId!), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (!row) throw AppError.notFound('Session');
    await writeAudit(tx, actor, {
      action: 'session.revoke',
      entity: 'session',
      entityId: sessionId.slice(0, 16),
      after: { revoked: true },
    });
  });
}

export async function listOwnSessions(opts: { db: Db; actor: Actor }) {
  requireUser(opts.actor);
  return opts.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, opts.actor.userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > ${clock.now()}`))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Sessions are addressed by the first 16 hex characters of their id (the full id would be a credential-equivalent). */
export async function revokeOwnSession(opts: { db: Db; actor: Actor; sessionKey: string }): Promise<void> {
  requireUser(opts.actor);
  const [row] = await opts.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, opts.actor.userId), sql`left(${sessions.id}, 16) = ${opts.sessionKey}`, isNull(sessions.revokedAt)))
    .limit(1);
  if (!row) throw AppError.notFound('Session');
  await revokeSessionRow(opts.db, opts.actor, row.id);
}

export async function changePassword(opts: { db: Db; actor: Actor; currentPassword: string; newPassword: string }): Promise<void> {
  requireUser(opts.actor);
  const [user] = await opts.db.select().from(users).where(eq(users.id, opts.actor.userId)).limit(1);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw new AppError('validation_failed', 'currentPassword: is wrong', {
      fields: [{ field: 'body.currentPassword', message: 'is wrong' }],
    });
  }
  if (opts.currentPassword === opts.newPassword) {
    throw new AppError('validation_failed', 'newPassword: must differ from the current password', {
      fields: [{ field: 'body.newPassword', message: 'must differ from the current password' }],
    });
  }
  const passwordHash = await hashPassword(opts.newPassword);
  const now = clock.now();
  await opts.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, user.id));
    // Every other session ends: whoever knew the old password is logged out.
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), sql`${sessions.id} <> ${opts.actor.sessionId ?? ''}`));
    await writeAudit(tx, opts.actor, {
      action: 'user.change_password',
      entity: 'user',
      entityId: user.id,
      before: { passwordHash: user.passwordHash },
      after: { passwordHash },
    });
  });
}

/** Creates a user (registration, org admins adding members, boot-time admin, seeding). */
export async function createUser(
  tx: DbOrTx,
  input: { email: string; name: string; password: string; phone?: string | null },
): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (existing) {
    throw new AppError('conflict', 'An account with this e-mail already exists', {
      fields: [{ field: 'body.user.email', message: 'is already registered' }],
    });
  }
  const id = newId();
  await tx
    .insert(users)
    .values({ id, email, name: input.name, phone: input.phone ?? null, passwordHash: await hashPassword(input.password) });
  return { id, email };
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return u ?? null;
}

/**
 * The caller's profile with every role assignment (pending organisations included). `known` is what
 * authentication read for this request; without it (or after a change) it is read afresh.
 */
export async function getMe(opts: { db: Db; actor: Actor; known?: Profile | null }): Promise<Profile> {
  requireUser(opts.actor);
  if (opts.known && opts.known.user.id === opts.actor.userId) return opts.known;
  const [user] = await opts.db.select(profileColumns).from(users).where(eq(users.id, opts.actor.userId)).limit(1);
  if (!user) throw new AppError('unauthenticated');
  return toProfile(user);
}

export async function updateOwnLocale(opts: { db: Db; actor: Actor; locale: 'zh-CN' | 'en' }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, opts.actor.userId!));
    await tx.update(users).set({ locale: opts.locale }).where(eq(users.id, opts.actor.userId!));
    await writeAudit(tx, opts.actor, {
      action: 'user.update_locale',
      entity: 'user',
      entityId: opts.actor.userId!,
      before,
      after: { locale: opts.locale },
    });
  });
}

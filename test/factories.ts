import { randomBytes, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { CREDIT_CODE_ALPHABET, completeCreditCode } from '../common/credit-code.js';
import type { MeView } from '../common/api/identity.js';
import { ORG_SCOPED_ROLES, type AssignableRole, type OrganizationStatus, type OrganizationType, type Role } from '../common/roles.js';
import type { Db } from '../server/db/client.js';
import { organizations } from '../server/db/schema/index.js';
import { systemActor } from '../server/lib/actor.js';
import { writeAudit } from '../server/lib/audit.js';
import { newId } from '../server/lib/ids.js';
import { assignRole } from '../server/modules/identity/roles.js';
import { createUser as createUserAccount } from '../server/modules/identity/service.js';

/**
 * Factories write through the services (users, roles) or with their audit entry (organisations),
 * so foreign keys, constraints and the audit chain are real. Every call makes new, unique rows.
 */
const FACTORY_ACTOR = () => systemActor('test:factory');
export const DEFAULT_PASSWORD = 'Factory-passw0rd';

let counter = 0;
export const unique = (): string => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(3).toString('hex')}`;

/** A valid 统一社会信用代码 with a random organisation-code part: 9 (registered by 工商) 1 (enterprise), the division, 9 characters, check. */
export function uniqueCreditCode(division = '120116'): string {
  let orgCode = '';
  for (let i = 0; i < 9; i++) orgCode += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return completeCreditCode(`91${division}${orgCode}`);
}

export interface OrganizationOverrides {
  name?: string;
  type?: OrganizationType;
  regionCode?: string;
  status?: OrganizationStatus;
  creditCode?: string;
  address?: string | null;
}

export type TestOrganization = typeof organizations.$inferSelect;

export async function createOrganization(db: Db, overrides: OrganizationOverrides = {}): Promise<TestOrganization> {
  const regionCode = overrides.regionCode ?? '120116';
  const row = {
    id: newId(),
    type: overrides.type ?? 'enterprise',
    name: overrides.name ?? `测试企业 ${unique()}`,
    creditCode: overrides.creditCode ?? uniqueCreditCode(regionCode.slice(0, 6)),
    regionCode,
    status: overrides.status ?? 'active',
    address: overrides.address ?? '天津市滨海新区测试路 1 号',
  };
  await db.transaction(async (tx) => {
    await tx.insert(organizations).values(row);
    await writeAudit(tx, FACTORY_ACTOR(), { action: 'organization.create', entity: 'organization', entityId: row.id, organizationId: row.id, after: row });
  });
  const [saved] = await db.select().from(organizations).where(eq(organizations.id, row.id));
  return saved!;
}

export interface UserOptions {
  role?: AssignableRole;
  /** For organisation roles; a fresh active organisation when omitted. */
  organizationId?: string;
  /** For gov_officer; the whole city (120000) when omitted. */
  regionCode?: string;
  email?: string;
  name?: string;
  password?: string;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: AssignableRole | null;
  organizationId: string | null;
  regionCode: string | null;
}

/** A user holding `role` (or no role at all when omitted). */
export async function createUser(db: Db, opts: UserOptions = {}): Promise<TestUser> {
  const role = opts.role ?? null;
  if ((role as Role | null) === 'public') throw new Error('public is the anonymous visitor; it is never assigned');
  const orgScoped = role !== null && ORG_SCOPED_ROLES.includes(role);
  const organizationId = orgScoped ? (opts.organizationId ?? (await createOrganization(db)).id) : null;
  const regionCode = role === 'gov_officer' ? (opts.regionCode ?? '120000') : null;
  const email = opts.email ?? `${role ?? 'user'}.${unique()}@example.test`;
  const password = opts.password ?? DEFAULT_PASSWORD;
  const actor = FACTORY_ACTOR();
  const id = await db.transaction(async (tx) => {
    const user = await createUserAccount(tx, { email, name: opts.name ?? `测试用户 ${role ?? ''}`.trim(), password });
    await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: user.id, organizationId, after: { email: user.email } });
    if (role) await assignRole(tx, actor, { userId: user.id, role, organizationId, regionCode });
    return user.id;
  });
  return { id, email, password, role, organizationId, regionCode };
}

export interface LoggedIn {
  /** `jq_session=…`, for a Cookie header. */
  cookie: string;
  sessionToken: string;
  csrfToken: string;
  me: MeView;
  /** app.inject with the session cookie and the CSRF header. */
  inject(opts: InjectOptions): Promise<Response>;
}

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Logs in through POST /api/auth/login. Each login comes from its own address unless one is given,
 * so the per-address login ceiling does not couple unrelated tests.
 */
export async function loginAs(app: FastifyInstance, user: { email: string; password: string }, opts: { remoteAddress?: string } = {}): Promise<LoggedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
    remoteAddress: opts.remoteAddress ?? randomIp(),
  });
  if (res.statusCode !== 200) throw new Error(`login as ${user.email} failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'jq_session');
  if (!session) throw new Error('login set no jq_session cookie');
  const me = res.json() as MeView;
  const cookie = `jq_session=${session.value}`;
  const csrfToken = me.csrfToken!;
  return {
    cookie,
    sessionToken: session.value,
    csrfToken,
    me,
    inject: (o) => app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrfToken, ...(o.headers ?? {}) } }),
  };
}

/** A user with `role`, logged in. */
export async function createLoggedInUser(app: FastifyInstance, db: Db, opts: UserOptions = {}) {
  const user = await createUser(db, opts);
  return { user, session: await loginAs(app, user) };
}

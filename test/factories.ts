import { randomBytes, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { CREDIT_CODE_ALPHABET, completeCreditCode } from '../common/credit-code.js';
import type { MeView } from '../common/api/identity.js';
import { ORG_SCOPED_ROLES, type AssignableRole, type OrganizationStatus, type OrganizationType, type Role } from '../common/roles.js';
import type { Db } from '../server/db/client.js';
import { organizations } from '../server/modules/organizations/schema.js';
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
    await writeAudit(tx, FACTORY_ACTOR(), {
      action: 'organization.create',
      entity: 'organization',
      entityId: row.id,
      organizationId: row.id,
      after: row,
    });
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
export async function loginAs(
  app: FastifyInstance,
  user: { email: string; password: string },
  opts: { remoteAddress?: string } = {},
): Promise<LoggedIn> {
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

// ---------------------------------------------------------------------------------------------
// Catalogue: achievements and demands (C1, C2).

import type { AchievementInput, DemandInput } from '../common/api/catalog.js';
import type { RecordStatus } from '../common/catalog.js';
import { buildUserActor, type Actor } from '../server/lib/actor.js';
import { effectiveGrants, loadGrantRows } from '../server/modules/identity/grants.js';
import { TRANSITIONS, type RecordKind, type TransitionName } from '../server/modules/catalog/lifecycle.js';
import { createRecord, transitionRecord } from '../server/modules/catalog/service.js';

/** The user as the services see them after login: their effective role grants. */
export async function actorFor(db: Db, user: { id: string; email: string }): Promise<Actor> {
  const rows = (await loadGrantRows(db, [user.id])).get(user.id) ?? [];
  return buildUserActor({ userId: user.id, email: user.email, grants: effectiveGrants(rows), via: 'session' });
}

/** A valid achievement body: a negotiable-free price, TRL 6, one invention patent. */
export function achievementInput(overrides: Partial<AchievementInput> = {}): AchievementInput {
  return {
    title: `高比能锂离子电池正极材料 ${unique()}`,
    summary: '一种高镍三元正极材料的包覆改性工艺，提升循环寿命与热稳定性。',
    fieldCode: 'D15',
    keywords: ['锂离子电池', '正极材料'],
    contacts: [{ name: '张老师', phone: '022-12345678', email: 'contact@example.test' }],
    attachments: [],
    restricted: false,
    trl: 6,
    ipAssets: [{ kind: 'invention_patent', number: '200310102344.5', title: '一种正极材料的包覆方法' }],
    transferModes: ['transfer', 'license_exclusive'],
    priceFen: 100_000_000, // ¥1M
    priceNegotiable: false,
    publicFunding: false,
    team: [],
    ...overrides,
  };
}

/** A valid demand body: a budget range, two cooperation modes, TRL ≥ 5, no deadline. */
export function demandInput(overrides: Partial<DemandInput> = {}): DemandInput {
  return {
    title: `寻求锂离子电池正极材料技术 ${unique()}`,
    summary: '企业需要提升锂离子电池正极材料的循环寿命，寻求成熟的包覆改性技术。',
    fieldCode: 'D15',
    keywords: ['锂离子电池'],
    contacts: [{ name: '李经理', phone: '022-87654321' }],
    attachments: [],
    restricted: false,
    budgetMinFen: 50_000_000, // ¥500k
    budgetMaxFen: 200_000_000, // ¥2M
    budgetNegotiable: false,
    cooperationModes: ['transfer', 'license_exclusive'],
    trlMin: 5,
    deadline: null,
    ...overrides,
  };
}

/** The shortest sequence of transitions (any party, system ones included) from draft to `status`. */
export function lifecyclePath(kind: RecordKind, status: RecordStatus): TransitionName[] {
  const paths = new Map<RecordStatus, TransitionName[]>([['draft', []]]);
  const queue: RecordStatus[] = ['draft'];
  while (queue.length) {
    const from = queue.shift()!;
    for (const [name, t] of Object.entries(TRANSITIONS) as Array<[TransitionName, (typeof TRANSITIONS)[TransitionName]]>) {
      if (!t.kinds.includes(kind) || !t.from.includes(from) || paths.has(t.to)) continue;
      paths.set(t.to, [...paths.get(from)!, name]);
      queue.push(t.to);
    }
  }
  const path = paths.get(status);
  if (!path) throw new Error(`a ${kind} can never be ${status}`);
  return path;
}

/** Moves a record from draft to `status` through the lifecycle, as the platform (each step audited). */
export async function moveRecordTo(db: Db, kind: RecordKind, id: string, status: RecordStatus): Promise<void> {
  for (const transition of lifecyclePath(kind, status)) {
    await transitionRecord({
      db,
      actor: systemActor('test:factory'),
      kind,
      id,
      transition,
      reason: transition === 'return' ? '材料不全' : undefined,
    });
  }
}

export interface CatalogRecordOptions<I> {
  /** A filing member of the owning organisation (org_member, org_admin or broker). */
  by: TestUser;
  status?: RecordStatus;
  input?: Partial<I>;
}

/** An achievement filed by `by` for their organisation, then moved to `status` (draft by default). */
export async function createAchievement(db: Db, opts: CatalogRecordOptions<AchievementInput>) {
  const rec = await createRecord({
    db,
    actor: await actorFor(db, opts.by),
    kind: 'achievement',
    input: achievementInput(opts.input),
    organizationId: opts.by.organizationId ?? undefined,
  });
  if (opts.status && opts.status !== 'draft') await moveRecordTo(db, 'achievement', rec.row.id, opts.status);
  return { id: rec.row.id, title: rec.row.title, organizationId: rec.row.organizationId };
}

/** A demand filed by `by` for their organisation, then moved to `status` (draft by default). */
export async function createDemand(db: Db, opts: CatalogRecordOptions<DemandInput>) {
  const rec = await createRecord({
    db,
    actor: await actorFor(db, opts.by),
    kind: 'demand',
    input: demandInput(opts.input),
    organizationId: opts.by.organizationId ?? undefined,
  });
  if (opts.status && opts.status !== 'draft') await moveRecordTo(db, 'demand', rec.row.id, opts.status);
  return { id: rec.row.id, title: rec.row.title, organizationId: rec.row.organizationId };
}

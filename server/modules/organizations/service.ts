import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AddMemberBody, ListOrganizationsQuery, UpdateOrganizationBody } from '../../../common/api/organizations.js';
import type { RegisterBody } from '../../../common/api/identity.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { membersOf } from '../identity/repository.js';
import { organizations, regions } from './schema.js';
import { can, governedRegionPaths, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { presentReviewSteps, recordReviewStep, reviewStepsOf } from '../../lib/review-steps.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { loadGrantRows } from '../identity/grants.js';
import { assignRole, removeOrganizationRoles } from '../identity/roles.js';
import { createUser } from '../identity/service.js';
import { inviteMember, listInvitations } from './invitations.js';
import { canReadOrganization, ORGANIZATION_TRANSITIONS, organizationActions } from './policy.js';
import type { OrganizationRow } from './presenter.js';

function selectOrgs(db: DbOrTx) {
  return db
    .select({
      id: organizations.id,
      type: organizations.type,
      name: organizations.name,
      creditCode: organizations.creditCode,
      regionCode: organizations.regionCode,
      status: organizations.status,
      address: organizations.address,
      website: organizations.website,
      description: organizations.description,
      contactPhone: organizations.contactPhone,
      country: organizations.country,
      statusReason: organizations.statusReason,
      createdAt: organizations.createdAt,
      updatedAt: organizations.updatedAt,
      regionName: regions.name,
      regionPath: regions.path,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode));
}

async function loadOrg(db: DbOrTx, id: string): Promise<OrganizationRow | null> {
  const [row] = await selectOrgs(db).where(eq(organizations.id, id)).limit(1);
  return row ?? null;
}

function memberOrgIds(actor: Actor): string[] {
  return organizationIdsOf(actor);
}

/** Loads an organisation the actor may see; anything else is reported as not found. */
async function requireVisibleOrg(db: DbOrTx, actor: Actor, id: string): Promise<OrganizationRow> {
  const row = await loadOrg(db, id);
  if (!row) throw AppError.notFound('Organisation');
  // Members of a pending organisation see it too (their grants are not yet effective).
  let mine = memberOrgIds(actor);
  if (actor.userId && !mine.includes(id)) {
    const rows = (await loadGrantRows(db, [actor.userId])).get(actor.userId) ?? [];
    mine = rows.filter((g) => g.organizationId).map((g) => g.organizationId!);
  }
  if (!canReadOrganization(actor, { id: row.id, status: row.status, regionPath: row.regionPath }, mine)) {
    throw AppError.notFound('Organisation');
  }
  return row;
}

export async function registerOrganization(opts: { db: Db; actor: Actor; input: z.infer<typeof RegisterBody> }) {
  const { organization: o, user: u } = opts.input;
  const [region] = await opts.db.select().from(regions).where(eq(regions.code, o.regionCode)).limit(1);
  if (!region || !region.path.startsWith('/120000/')) {
    throw AppError.validation('body.organization.regionCode', 'must be a district or park of the platform region');
  }
  const [dup] = await opts.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.creditCode, o.creditCode))
    .limit(1);
  if (dup) {
    throw new AppError('conflict', 'An organisation with this credit code is already registered', {
      fields: [{ field: 'body.organization.creditCode', message: 'is already registered' }],
    });
  }
  return opts.db.transaction(async (tx) => {
    const id = newId();
    const row = {
      id,
      type: o.type,
      name: o.name,
      creditCode: o.creditCode,
      regionCode: o.regionCode,
      status: 'pending',
      address: o.address ?? null,
      contactPhone: o.contactPhone ?? null,
    };
    await tx.insert(organizations).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'organization.register',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      after: row,
    });
    const user = await createUser(tx, u);
    await writeAudit(tx, opts.actor, {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      organizationId: id,
      after: { email: user.email, name: u.name },
    });
    await assignRole(tx, opts.actor, { userId: user.id, role: 'org_admin', organizationId: id });
    return { organization: (await loadOrg(tx, id))!, userId: user.id };
  });
}

/** One organisation the actor may see, with its review trail. */
export async function getOrganization(opts: { db: Db; actor: Actor; id: string }) {
  const org = await requireVisibleOrg(opts.db, opts.actor, opts.id);
  return { ...org, reviewSteps: presentReviewSteps(await reviewStepsOf(opts.db, 'organization', org.id)) };
}

export async function listMyOrganizations(opts: { db: Db; actor: Actor }) {
  requireUser(opts.actor);
  const rows = (await loadGrantRows(opts.db, [opts.actor.userId])).get(opts.actor.userId) ?? [];
  const ids = [...new Set(rows.filter((g) => g.organizationId).map((g) => g.organizationId!))];
  if (ids.length === 0) return [];
  return selectOrgs(opts.db).where(inArray(organizations.id, ids)).orderBy(organizations.name);
}

export async function listOrganizations(opts: { db: Db; actor: Actor; query: z.infer<typeof ListOrganizationsQuery> }) {
  requirePermission(opts.actor, 'org:read_region');
  const q = opts.query;
  const where: SQL[] = [];
  if (!can(opts.actor, 'org:read_all')) {
    const roots = governedRegionPaths(opts.actor);
    if (roots.length === 0) return { items: [], total: 0 };
    where.push(or(...roots.map((r) => sql`${regions.path} LIKE ${r + '%'}`))!);
  }
  if (q.status) where.push(eq(organizations.status, q.status));
  if (q.type) where.push(eq(organizations.type, q.type));
  if (q.regionCode) where.push(sql`${regions.path} LIKE ${'%/' + q.regionCode + '/%'}`);
  if (q.q) where.push(or(ilike(organizations.name, `%${q.q}%`), eq(organizations.creditCode, q.q.toUpperCase()))!);
  const cond = where.length ? and(...where) : undefined;
  const items = await selectOrgs(opts.db)
    .where(cond)
    .orderBy(desc(organizations.createdAt), organizations.id)
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = (await opts.db
    .select({ total: count() })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(cond)) as [{ total: number }];
  return { items, total: Number(total) };
}

export async function updateOrganization(opts: { db: Db; actor: Actor; id: string; patch: z.infer<typeof UpdateOrganizationBody> }) {
  const org = await requireVisibleOrg(opts.db, opts.actor, opts.id);
  if (!organizationActions(opts.actor, org).includes('update'))
    throw AppError.forbidden('Only an admin of this active organisation may edit it');
  // The country decides export-control screening (a party outside the mainland): platform admins
  // set it when they review the organisation; the organisation itself cannot declare itself mainland.
  if (opts.patch.country !== undefined && opts.patch.country !== org.country && !can(opts.actor, 'org:review'))
    throw new AppError('forbidden', 'body.country: only platform administrators change an organisation’s country', {
      fields: [{ field: 'body.country', message: 'only platform administrators change an organisation’s country' }],
    });
  return opts.db.transaction(async (tx) => {
    const patch = Object.fromEntries(Object.entries(opts.patch).filter(([, v]) => v !== undefined));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, org[k as keyof typeof org]]));
    await tx
      .update(organizations)
      .set({ ...patch, updatedAt: clock.now() })
      .where(eq(organizations.id, org.id));
    await writeAudit(tx, opts.actor, {
      action: 'organization.update',
      entity: 'organization',
      entityId: org.id,
      organizationId: org.id,
      before,
      after: patch,
    });
    return (await loadOrg(tx, org.id))!;
  });
}

export async function reviewOrganization(opts: {
  db: Db;
  actor: Actor;
  id: string;
  decision: keyof typeof ORGANIZATION_TRANSITIONS;
  reason?: string;
}) {
  requirePermission(opts.actor, 'org:review');
  return opts.db.transaction(async (tx) => {
    // Lock the row so two reviewers cannot both act on the same state.
    const [locked] = await tx
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, opts.id))
      .for('update');
    if (!locked) throw AppError.notFound('Organisation');
    const t = ORGANIZATION_TRANSITIONS[opts.decision];
    if (!t.from.includes(locked.status)) {
      throw AppError.conflict(`Cannot ${opts.decision} an organisation that is ${locked.status}`);
    }
    await recordReviewStep(tx, opts.actor, {
      entity: 'organization',
      entityId: opts.id,
      step: opts.decision,
      reason: opts.reason,
      reasonRequired: opts.decision === 'reject' || opts.decision === 'suspend',
    });
    await tx
      .update(organizations)
      .set({ status: t.to, statusReason: opts.reason ?? null, updatedAt: clock.now() })
      .where(eq(organizations.id, opts.id));
    await writeAudit(tx, opts.actor, {
      action: `organization.${opts.decision}`,
      entity: 'organization',
      entityId: opts.id,
      organizationId: opts.id,
      before: { status: locked.status },
      after: { status: t.to, reason: opts.reason ?? null },
    });
    return (await loadOrg(tx, opts.id))!;
  });
}

export async function listMembers(opts: { db: Db; actor: Actor; id: string }) {
  await requireVisibleOrg(opts.db, opts.actor, opts.id);
  const rows = await membersOf(opts.db, opts.id);
  const byUser = new Map<string, { userId: string; name: string; email: string; roles: string[] }>();
  for (const r of rows) {
    const m = byUser.get(r.userId) ?? { userId: r.userId, name: r.name, email: r.email, roles: [] };
    m.roles.push(r.role);
    byUser.set(r.userId, m);
  }
  return [...byUser.values()];
}

async function requireMemberManager(db: DbOrTx, actor: Actor, id: string) {
  const org = await requireVisibleOrg(db, actor, id);
  if (!organizationActions(actor, org).includes('manage_members'))
    throw AppError.forbidden('Only an admin of this organisation may manage its members');
  return org;
}

/**
 * Adds a member by invitation (invitations.ts): the person accepts before getting the role, and the
 * answer is the same whether the e-mail had an account or not.
 */
export async function addMember(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof AddMemberBody> }) {
  const org = await requireMemberManager(opts.db, opts.actor, opts.id);
  return inviteMember({ db: opts.db, actor: opts.actor, organizationId: org.id, input: opts.input });
}

export async function listOrganizationInvitations(opts: { db: Db; actor: Actor; id: string }) {
  const org = await requireMemberManager(opts.db, opts.actor, opts.id);
  return listInvitations({ db: opts.db, organizationId: org.id });
}

export async function removeMember(opts: { db: Db; actor: Actor; id: string; userId: string }) {
  await requireMemberManager(opts.db, opts.actor, opts.id);
  if (opts.userId === opts.actor.userId) throw AppError.conflict('You cannot remove yourself; ask another admin');
  await opts.db.transaction(async (tx) => {
    const n = await removeOrganizationRoles(tx, opts.actor, { userId: opts.userId, organizationId: opts.id });
    if (n === 0) throw AppError.notFound('Member');
  });
}

export async function listRegions(opts: { db: Db }) {
  return opts.db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .orderBy(regions.path);
}

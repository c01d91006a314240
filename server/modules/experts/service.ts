import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ExpertBody, ExpertListQuery, ExpertPatch, RelationBody } from '../../../common/api/experts.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { technicalFieldNames } from '../catalog/repository.js';
import { loadGrantRows } from '../identity/grants.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { experts, expertRelations, panelMembers } from './schema.js';

/**
 * The expert pool (专家库): profiles maintained by staff (`expert:manage`: platform admins and
 * government officers), availability and declared relations kept up by the expert too. The public
 * directory never shows contact details or relations; staff and the expert themselves see them.
 */
export type ExpertRow = typeof experts.$inferSelect;
export type RelationRow = typeof expertRelations.$inferSelect;

/** Fields an expert may change on their own profile; the rest is staff's. */
const SELF_EDITABLE = new Set(['keywords', 'bio', 'available', 'availabilityNote', 'phone', 'email']);

export const isStaff = (actor: Actor) => can(actor, 'expert:manage');
export const isSelf = (actor: Actor, row: Pick<ExpertRow, 'userId'>) =>
  actor.kind === 'user' && row.userId !== null && row.userId === actor.userId;
/** Who sees contact details and relations of this expert. */
export const seesPrivate = (actor: Actor, row: Pick<ExpertRow, 'userId'>) => isStaff(actor) || isSelf(actor, row);

/** A logged-in user or the platform itself (seeding, imports). */
function requireActor(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
}

async function checkFields(db: DbOrTx, codes: string[] | undefined, field: string) {
  if (!codes) return;
  const known = await technicalFieldNames(db, [...new Set(codes)]);
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw AppError.validation(field, `unknown technical field ${unknown}`);
}

/** The organisation's name when the expert's employer is on the platform (or a validation error). */
async function organizationName(db: DbOrTx, id: string | null | undefined, field: string): Promise<string | null> {
  if (!id) return null;
  const org = (await organizationsByIds(db, [id])).get(id);
  if (!org) throw AppError.validation(field, 'no such organisation');
  return org.name;
}

/** A linked account must hold the `expert` role; its organisation is the default employer. */
async function expertGrantOf(db: DbOrTx, userId: string) {
  const grants = (await loadGrantRows(db, [userId])).get(userId) ?? [];
  const grant = grants.find((g) => g.role === 'expert');
  if (!grant) throw AppError.validation('body.userId', 'the account must hold the expert role');
  return grant;
}

export async function createExpert(opts: { db: Db; actor: Actor; input: ExpertBody }): Promise<string> {
  requirePermission(opts.actor, 'expert:manage');
  const { db, input } = opts;
  await checkFields(db, input.fieldCodes, 'body.fieldCodes');
  const grant = input.userId ? await expertGrantOf(db, input.userId) : null;
  const organizationId = input.organizationId ?? grant?.organizationId ?? null;
  const orgName = (await organizationName(db, organizationId, 'body.organizationId')) ?? input.organizationName?.trim();
  if (!orgName) throw AppError.validation('body.organizationName', 'name the expert’s organisation');
  const now = clock.now();
  const row: ExpertRow = {
    id: newId(),
    userId: input.userId ?? null,
    name: input.name,
    title: input.title,
    organizationId,
    organizationName: orgName,
    fieldCodes: [...new Set(input.fieldCodes)],
    keywords: input.keywords,
    bio: input.bio ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    available: input.available,
    availabilityNote: input.availabilityNote ?? null,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    if (row.userId) {
      const [taken] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, row.userId));
      if (taken)
        throw new AppError('conflict', 'This account already has an expert profile', {
          fields: [{ field: 'body.userId', message: 'already has an expert profile' }],
        });
    }
    await tx.insert(experts).values(row);
    await writeAudit(tx, opts.actor, { action: 'expert.create', entity: 'expert', entityId: row.id, after: row });
  });
  return row.id;
}

async function lockExpert(tx: Tx, id: string) {
  const [row] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
  if (!row) throw AppError.notFound('Expert');
  return row;
}

export async function updateExpert(opts: { db: Db; actor: Actor; id: string; patch: ExpertPatch }): Promise<void> {
  requireActor(opts.actor);
  const { db, actor, patch } = opts;
  await db.transaction(async (tx) => {
    const row = await lockExpert(tx, opts.id);
    const staff = isStaff(actor);
    if (!staff) {
      if (!isSelf(actor, row)) throw AppError.forbidden('Only staff or the expert may change this profile');
      const other = Object.keys(patch).find((k) => !SELF_EDITABLE.has(k));
      if (other) throw AppError.forbidden(`Staff maintain ${other}; you may change your keywords, bio, contact and availability`);
    }
    await checkFields(tx, patch.fieldCodes, 'body.fieldCodes');
    const next = { ...patch, updatedAt: clock.now() } as Partial<ExpertRow>;
    if (patch.organizationId !== undefined && patch.organizationId !== null)
      next.organizationName = (await organizationName(tx, patch.organizationId, 'body.organizationId'))!;
    if (patch.fieldCodes) next.fieldCodes = [...new Set(patch.fieldCodes)];
    await tx.update(experts).set(next).where(eq(experts.id, row.id));
    const before = Object.fromEntries(Object.keys(next).map((k) => [k, row[k as keyof ExpertRow]]));
    await writeAudit(tx, actor, { action: 'expert.update', entity: 'expert', entityId: row.id, before, after: next });
  });
}

/** A declared relation or a recorded co-authorship (staff, or the expert declaring their own). */
export async function addRelation(opts: { db: Db; actor: Actor; id: string; input: RelationBody }): Promise<void> {
  requireActor(opts.actor);
  const { db, actor, input } = opts;
  if (!input.organizationId && !input.userId)
    throw AppError.validation('body.organizationId', 'name the organisation or the person on the platform');
  if (input.kind === 'coauthorship' && !input.year) throw AppError.validation('body.year', 'give the year of the co-authored work');
  await db.transaction(async (tx) => {
    const row = await lockExpert(tx, opts.id);
    if (!seesPrivate(actor, row)) throw AppError.forbidden('Only staff or the expert may declare relations');
    await organizationName(tx, input.organizationId, 'body.organizationId');
    const rel: RelationRow = {
      id: newId(),
      expertId: row.id,
      kind: input.kind,
      organizationId: input.organizationId ?? null,
      userId: input.userId ?? null,
      partyName: input.partyName,
      year: input.year ?? null,
      note: input.note ?? null,
      createdAt: clock.now(),
    };
    await tx.insert(expertRelations).values(rel);
    await writeAudit(tx, actor, { action: 'expert.declare_relation', entity: 'expert', entityId: row.id, after: rel });
  });
}

export async function removeRelation(opts: { db: Db; actor: Actor; id: string; relationId: string }): Promise<void> {
  requirePermission(opts.actor, 'expert:manage');
  await opts.db.transaction(async (tx) => {
    const row = await lockExpert(tx, opts.id);
    const [rel] = await tx
      .delete(expertRelations)
      .where(and(eq(expertRelations.id, opts.relationId), eq(expertRelations.expertId, row.id)))
      .returning();
    if (!rel) throw AppError.notFound('Relation');
    await writeAudit(tx, opts.actor, { action: 'expert.remove_relation', entity: 'expert', entityId: row.id, before: rel });
  });
}

export interface LoadedExpert {
  row: ExpertRow;
  relations: RelationRow[] | null;
  openAssignments: number | null;
}

/** Attaches what the actor may see besides the public profile: relations and workload. */
async function withPrivate(db: DbOrTx, actor: Actor, rows: ExpertRow[]): Promise<LoadedExpert[]> {
  const privateIds = rows.filter((r) => seesPrivate(actor, r)).map((r) => r.id);
  const relations = privateIds.length ? await db.select().from(expertRelations).where(inArray(expertRelations.expertId, privateIds)) : [];
  const loads = privateIds.length
    ? await db
        .select({ expertId: panelMembers.expertId, n: count() })
        .from(panelMembers)
        .where(and(inArray(panelMembers.expertId, privateIds), eq(panelMembers.status, 'assigned')))
        .groupBy(panelMembers.expertId)
    : [];
  const loadOf = new Map(loads.map((l) => [l.expertId, Number(l.n)]));
  return rows.map((row) =>
    privateIds.includes(row.id)
      ? { row, relations: relations.filter((r) => r.expertId === row.id), openAssignments: loadOf.get(row.id) ?? 0 }
      : { row, relations: null, openAssignments: null },
  );
}

/** The directory: active experts (staff also see inactive ones with `available`), by field and words. */
export async function listExperts(opts: { db: DbOrTx; actor: Actor; query: z.infer<typeof ExpertListQuery> }) {
  const { db, actor, query } = opts;
  const conds: (SQL | undefined)[] = [isStaff(actor) ? undefined : eq(experts.active, true)];
  if (query.field) conds.push(sql`${experts.fieldCodes} @> ${JSON.stringify([query.field])}::jsonb`);
  if (query.available) conds.push(eq(experts.available, query.available === 'true'));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(ilike(experts.name, like), ilike(experts.keywords, like), ilike(experts.organizationName, like), ilike(experts.title, like)),
    );
  }
  const where = and(...conds);
  const [total] = await db.select({ n: count() }).from(experts).where(where);
  const rows = await db
    .select()
    .from(experts)
    .where(where)
    .orderBy(asc(experts.name), asc(experts.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: await withPrivate(db, actor, rows), total: Number(total?.n ?? 0) };
}

export async function getExpert(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<LoadedExpert> {
  const [row] = await opts.db.select().from(experts).where(eq(experts.id, opts.id));
  if (!row || (!row.active && !seesPrivate(opts.actor, row))) throw AppError.notFound('Expert');
  return (await withPrivate(opts.db, opts.actor, [row]))[0]!;
}

/** The acting user's own expert profile. */
export async function myExpertProfile(opts: { db: DbOrTx; actor: Actor }): Promise<LoadedExpert> {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(experts).where(eq(experts.userId, opts.actor.userId));
  if (!row) throw AppError.notFound('Expert profile');
  return (await withPrivate(opts.db, opts.actor, [row]))[0]!;
}

/** Active experts (for matching), every one with the fields and words matching reads. */
export async function activeExperts(db: DbOrTx): Promise<ExpertRow[]> {
  return db.select().from(experts).where(eq(experts.active, true));
}

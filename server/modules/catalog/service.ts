import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import type { RecordStatus } from '../../../common/catalog.js';
import type { Db, Tx } from '../../db/client.js';
import { achievements, technicalFields } from './schema.js';
import { findOrganization, regionsJoinable } from '../organizations/repository.js';
import { can, governedRegionPaths, isPlatformAdmin, organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { presentReviewSteps, recordReviewStep, reviewStepsOf } from '../../lib/review-steps.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { EDITABLE, TRANSITIONS, transitionAllowed, type RecordKind, type TransitionName } from './lifecycle.js';
import { canSeeRecord, partiesFor } from './policy.js';
import { notify } from '../alerts/notify.js';
import { facts, indexedText, loadRecord, loadRecordsByIds, TABLES, type LoadedRecord } from './records.js';
import { seesConfidentialPart } from './visibility.js';
import { exportHoldFacts } from '../export-control/gate.js';

const regions = regionsJoinable();

type Input<K extends RecordKind> = K extends 'achievement' ? AchievementInput : DemandInput;

const label = (kind: RecordKind) => (kind === 'achievement' ? 'Achievement' : 'Demand');

async function requireField(db: Db | Tx, code: string) {
  const [f] = await db.select({ code: technicalFields.code }).from(technicalFields).where(eq(technicalFields.code, code)).limit(1);
  if (!f) throw AppError.validation('body.fieldCode', 'is not a known technical field');
}

/** The organisation the actor files for: the one named, or their only filing organisation. */
export async function filingOrganization(db: Db | Tx, actor: Actor, organizationId?: string) {
  requirePermission(actor, 'catalog:file');
  const mine = organizationIdsOf(actor, ['org_member', 'org_admin', 'broker']);
  const id = organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!id)
    throw AppError.validation(
      'querystring.organizationId',
      mine.length ? 'name the organisation to file for' : 'you belong to no active organisation',
    );
  if (!mine.includes(id)) throw AppError.forbidden('You can only file for your own organisation');
  const org = await findOrganization(db, id);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  return org;
}

export function columnsFor<K extends RecordKind>(kind: K, input: Input<K>) {
  const common = {
    title: input.title,
    summary: input.summary,
    fieldCode: input.fieldCode,
    keywords: input.keywords,
    contacts: input.contacts,
    attachments: input.attachments,
    restricted: input.restricted,
  };
  if (kind === 'achievement') {
    const a = input as AchievementInput;
    return {
      ...common,
      problemSolved: a.problemSolved ?? null,
      advantage: a.advantage ?? null,
      trl: a.trl,
      ipAssets: a.ipAssets,
      transferModes: a.transferModes,
      priceFen: a.priceNegotiable ? null : (a.priceFen ?? null),
      priceNegotiable: a.priceNegotiable,
      publicFunding: a.publicFunding,
      team: a.team,
    };
  }
  const d = input as DemandInput;
  return {
    ...common,
    budgetMinFen: d.budgetMinFen ?? null,
    budgetMaxFen: d.budgetMaxFen ?? null,
    budgetNegotiable: d.budgetNegotiable,
    cooperationModes: d.cooperationModes,
    trlMin: d.trlMin ?? null,
    deadline: d.deadline ?? null,
  };
}

/** Creates a draft for the actor's organisation. */
export async function createRecord<K extends RecordKind>(opts: {
  db: Db;
  actor: Actor;
  kind: K;
  input: Input<K>;
  organizationId?: string;
}) {
  const org = await filingOrganization(opts.db, opts.actor, opts.organizationId);
  await requireField(opts.db, opts.input.fieldCode);
  const id = newId();
  const table = TABLES[opts.kind] as typeof achievements;
  await opts.db.transaction(async (tx) => {
    const values = {
      id,
      organizationId: org.id,
      regionCode: org.regionCode,
      status: 'draft',
      createdBy: opts.actor.userId,
      ...columnsFor(opts.kind, opts.input),
      searchVector: indexedText(opts.kind, opts.input, org.name),
    };
    await tx.insert(table).values(values as unknown as typeof achievements.$inferInsert);
    await writeAudit(tx, opts.actor, {
      action: `${opts.kind}.create`,
      entity: opts.kind,
      entityId: id,
      organizationId: org.id,
      after: { ...columnsFor(opts.kind, opts.input), status: 'draft' },
    });
  });
  return (await loadRecord(opts.db, opts.kind, id))!;
}

export async function getRecord<K extends RecordKind>(opts: { db: Db; actor: Actor; kind: K; id: string }): Promise<LoadedRecord<K>> {
  const rec = await loadRecord(opts.db, opts.kind, opts.id);
  if (!rec || !canSeeRecord(opts.actor, facts(rec))) throw AppError.notFound(label(opts.kind));
  return rec;
}

/** The record's review steps, for its owner and its reviewers; others get none. */
export async function reviewTrailOf(opts: { db: Db; actor: Actor; rec: LoadedRecord }) {
  const parties = partiesFor(opts.actor, facts(opts.rec));
  if (!parties.includes('owner') && !parties.includes('reviewer')) return undefined;
  return presentReviewSteps(await reviewStepsOf(opts.db, opts.rec.kind, opts.rec.row.id));
}

/** Edits a record the owner may still edit (draft, returned, withdrawn). */
export async function updateRecord<K extends RecordKind>(opts: { db: Db; actor: Actor; kind: K; id: string; input: Input<K> }) {
  await requireField(opts.db, opts.input.fieldCode);
  const table = TABLES[opts.kind] as typeof achievements;
  await opts.db.transaction(async (tx) => {
    const rec = await loadRecord(tx, opts.kind, opts.id, true);
    if (!rec || !canSeeRecord(opts.actor, facts(rec))) throw AppError.notFound(label(opts.kind));
    if (!partiesFor(opts.actor, facts(rec)).includes('owner')) throw AppError.forbidden('Only the owning organisation may edit this');
    if (!EDITABLE.includes(rec.row.status as RecordStatus))
      throw AppError.conflict(`A ${rec.row.status} record cannot be edited; withdraw it first`);
    const next = columnsFor(opts.kind, opts.input);
    const before = Object.fromEntries(Object.keys(next).map((k) => [k, (rec.row as Record<string, unknown>)[k]]));
    await tx
      .update(table)
      .set({
        ...next,
        updatedAt: clock.now(),
        searchVector: indexedText(opts.kind, opts.input, rec.organization.name),
      } as unknown as Partial<typeof achievements.$inferInsert>)
      .where(eq(table.id, opts.id));
    await writeAudit(tx, opts.actor, {
      action: `${opts.kind}.update`,
      entity: opts.kind,
      entityId: opts.id,
      organizationId: rec.row.organizationId,
      before,
      after: next,
    });
  });
  return (await loadRecord(opts.db, opts.kind, opts.id))!;
}

/**
 * Fires one lifecycle transition (see lifecycle.ts), in a transaction with the row locked, and audits
 * it. `system` transitions (trading) pass the system actor.
 */
export async function transitionRecord<K extends RecordKind>(opts: {
  db: Db | Tx;
  actor: Actor;
  kind: K;
  id: string;
  transition: TransitionName;
  reason?: string;
}) {
  const t = TRANSITIONS[opts.transition];
  const run = async (tx: Tx) => {
    const rec = await loadRecord(tx, opts.kind, opts.id, true);
    if (!rec || !canSeeRecord(opts.actor, facts(rec))) throw AppError.notFound(label(opts.kind));
    const status = rec.row.status as RecordStatus;
    const parties = partiesFor(opts.actor, facts(rec));
    if (!t.kinds.includes(opts.kind)) throw AppError.validation('body.action', `${opts.transition} does not apply to a ${opts.kind}`);
    if (!t.by.some((p) => parties.includes(p))) throw AppError.forbidden(`You may not ${opts.transition} this ${opts.kind}`);
    if (!transitionAllowed(opts.transition, opts.kind, status, parties)) {
      throw AppError.conflict(`Cannot ${opts.transition} a ${opts.kind} that is ${status}`);
    }
    if (t.reasonRequired && !opts.reason?.trim()) throw AppError.validation('body.reason', `is required to ${opts.transition}`);
    const now = clock.now();
    const set: Record<string, unknown> = { status: t.to, updatedAt: now };
    if (opts.transition === 'submit') Object.assign(set, { submittedAt: now, reviewReason: null });
    if (opts.transition === 'approve' || opts.transition === 'return')
      Object.assign(set, { reviewedBy: opts.actor.userId, reviewReason: opts.reason ?? null });
    if (opts.transition === 'publish') set.publishedAt = now;
    const table = TABLES[opts.kind] as typeof achievements;
    await tx.update(table).set(set).where(eq(table.id, opts.id));
    if (t.by.includes('reviewer') && parties.includes('reviewer'))
      await recordReviewStep(tx, opts.actor, { entity: opts.kind, entityId: opts.id, step: opts.transition, reason: opts.reason });
    await writeAudit(tx, opts.actor, {
      action: `${opts.kind}.${opts.transition}`,
      entity: opts.kind,
      entityId: opts.id,
      organizationId: rec.row.organizationId,
      before: { status },
      after: { status: t.to, reason: opts.reason ?? null },
    });
    if (opts.transition === 'approve' || opts.transition === 'return') await notifyReviewDecision(tx, rec, opts.transition, opts.reason);
  };
  if ('rollback' in opts.db) await run(opts.db as Tx);
  else await (opts.db as Db).transaction(run);
  return (await loadRecord(opts.db, opts.kind, opts.id))!;
}

/** The owner's members hear a review decision (in the transaction, so only a committed decision is told). */
async function notifyReviewDecision(tx: Tx, rec: LoadedRecord, decision: 'approve' | 'return', reason?: string) {
  const what = rec.kind === 'achievement' ? '成果' : '需求';
  await notify(tx, {
    organizationId: rec.row.organizationId,
    kind: decision === 'approve' ? 'record_approved' : 'record_returned',
    title: decision === 'approve' ? `${what}「${rec.row.title}」已通过审核` : `${what}「${rec.row.title}」被退回修改`,
    body: decision === 'return' ? `退回理由：${reason ?? ''}` : '可以发布了。',
    link: `/workspace/${rec.kind}s`,
    needsAction: true,
  });
}

/** The actor's organisations' records, any status. */
export async function listOwnRecords<K extends RecordKind>(opts: {
  db: Db;
  actor: Actor;
  kind: K;
  status?: RecordStatus;
  limit: number;
  offset: number;
}) {
  requirePermission(opts.actor, 'catalog:file');
  const orgIds = organizationIdsOf(opts.actor, ['org_member', 'org_admin', 'broker']);
  if (orgIds.length === 0) return { items: [] as LoadedRecord<K>[], total: 0 };
  const table = TABLES[opts.kind] as typeof achievements;
  const cond = and(inArray(table.organizationId, orgIds), opts.status ? eq(table.status, opts.status) : undefined);
  return pageOf(opts.db, opts.kind, cond, opts.limit, opts.offset);
}

/** What waits for the actor's review: submitted records in their region (all for platform admins). */
export async function listReviewQueue<K extends RecordKind>(opts: { db: Db; actor: Actor; kind: K; limit: number; offset: number }) {
  requirePermission(opts.actor, 'catalog:review');
  const table = TABLES[opts.kind] as typeof achievements;
  let scope: SQL | undefined;
  if (!isPlatformAdmin(opts.actor)) {
    const roots = governedRegionPaths(opts.actor);
    if (roots.length === 0) return { items: [] as LoadedRecord<K>[], total: 0 };
    scope = or(...roots.map((r) => sql`${regions.path} LIKE ${r + '%'}`));
  }
  return pageOf(opts.db, opts.kind, and(eq(table.status, 'submitted'), scope), opts.limit, opts.offset, 'submitted');
}

async function pageOf<K extends RecordKind>(
  db: Db,
  kind: K,
  cond: SQL | undefined,
  limit: number,
  offset: number,
  order: 'updated' | 'submitted' = 'updated',
) {
  const table = TABLES[kind] as typeof achievements;
  const ids = await db
    .select({ id: table.id })
    .from(table)
    .innerJoin(regions, eq(regions.code, table.regionCode))
    .where(cond)
    .orderBy(order === 'submitted' ? table.submittedAt : desc(table.updatedAt), table.id)
    .limit(limit)
    .offset(offset);
  const [{ total }] = (await db
    .select({ total: count() })
    .from(table)
    .innerJoin(regions, eq(regions.code, table.regionCode))
    .where(cond)) as [{ total: number }];
  const items = await loadRecordsByIds(
    db,
    kind,
    ids.map((r) => r.id),
  );
  return { items, total: Number(total) };
}

export async function listTechnicalFields(opts: { db: Db }) {
  return opts.db.select().from(technicalFields).orderBy(technicalFields.scheme, technicalFields.sort);
}

export { can };

/** Whether the actor opens the record's confidential part (visibility.ts `seesConfidentialPart`, facts from export control). */
export async function showsConfidentialPart(opts: { db: Db; actor: Actor; rec: LoadedRecord }): Promise<boolean> {
  if (opts.rec.kind !== 'achievement' || opts.actor.kind !== 'user') return true;
  const owner = partiesFor(opts.actor, facts(opts.rec)).includes('owner');
  if (owner) return true;
  return seesConfidentialPart({ owner, ...(await exportHoldFacts(opts.db, opts.actor, opts.rec.row.id)) });
}

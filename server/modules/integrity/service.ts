import { and, desc, eq, gt, inArray, lte, ne, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { IntegrityListQuery, IntegrityRecordBody } from '../../../common/api/integrity.js';
import {
  appealDeadline,
  penaltyEndsOn,
  penaltyInForce,
  type IntegrityStatus,
  type IntegrityTransition,
  type LegalBasis,
  type PenaltyKind,
} from '../../../common/integrity.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findOrganization, findRegion, findRegions } from '../organizations/repository.js';
import { INTEGRITY_TRANSITION_TABLE, integrityTransitionAllowed, type IntegrityParty } from './lifecycle.js';
import { integrityRecords } from './schema.js';

/**
 * Integrity records (诚信, C9): entered by government officers over their region (platform admins
 * everywhere), or automatically (a missing annual report, through `recordAutomaticEntry`); seen by
 * those officers and by the members of the organisation concerned; appealed once by the
 * organisation's admin and decided by an officer. A penalty is in force from its effective date
 * until its period ends — read from the clock (`penaltyInForce`), never ended by a job.
 */
export type IntegrityRow = typeof integrityRecords.$inferSelect;

const today = () => localDateOf(clock.now());
const link = (id: string) => `/workspace/integrity/${id}`;

function officerOver(actor: Actor, regionPath: string): boolean {
  return can(actor, 'integrity:record') && (isPlatformAdmin(actor) || inRegionScope(actor, regionPath));
}

export function integrityPartiesFor(actor: Actor, row: IntegrityRow, regionPath: string): IntegrityParty[] {
  const parties: IntegrityParty[] = [];
  if (row.partyKind === 'organization' && row.organizationId && organizationIdsOf(actor, ['org_admin']).includes(row.organizationId))
    parties.push('party');
  if (officerOver(actor, regionPath)) parties.push('officer');
  return parties;
}

function canSee(actor: Actor, row: IntegrityRow, regionPath: string): boolean {
  if (officerOver(actor, regionPath)) return true;
  return row.partyKind === 'organization' && !!row.organizationId && organizationIdsOf(actor).includes(row.organizationId);
}

const regionPathOf = async (db: DbOrTx, code: string) => (await findRegion(db, code))?.path ?? `/${code}/`;

export async function createIntegrityRecord(opts: { db: Db; actor: Actor; input: IntegrityRecordBody }): Promise<string> {
  requirePermission(opts.actor, 'integrity:record');
  requireUser(opts.actor);
  const { input, actor } = opts;
  if (input.partyKind === 'organization' && !input.organizationId)
    throw AppError.validation('body.organizationId', 'name the organisation concerned');
  if (input.partyKind === 'person' && !input.personName) throw AppError.validation('body.personName', 'name the person concerned');
  if (input.legalBasis === 'regional' && input.legalBasisDetail.length < 4)
    throw AppError.validation('body.legalBasisDetail', 'name the regional rule and its article');
  const org = input.organizationId ? await findOrganization(opts.db, input.organizationId) : undefined;
  if (input.organizationId && !org) throw AppError.validation('body.organizationId', 'no such organisation');
  const ownGrant = actor.grants.find((g) => g.role === 'gov_officer' && g.regionCode);
  const regionCode = org?.regionCode ?? ownGrant?.regionCode;
  if (!regionCode) throw AppError.validation('body.organizationId', 'name the organisation the person belongs to');
  if (!officerOver(actor, await regionPathOf(opts.db, regionCode))) throw AppError.forbidden('The party is outside your region');
  const now = clock.now();
  const row = {
    id: newId(),
    partyKind: input.partyKind,
    organizationId: org?.id ?? null,
    personName: input.partyKind === 'person' ? input.personName! : null,
    regionCode,
    misconduct: input.misconduct,
    penaltyKind: input.penaltyKind,
    penaltyDetail: input.penaltyDetail,
    decidingBody: input.decidingBody,
    legalBasis: input.legalBasis,
    legalBasisDetail: input.legalBasisDetail,
    effectiveOn: input.effectiveOn,
    periodMonths: input.periodMonths,
    endsOn: penaltyEndsOn(input.effectiveOn, input.periodMonths),
    status: 'recorded' as IntegrityStatus,
    source: 'officer',
    sourceRef: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(integrityRecords).values(row);
    await writeAudit(tx, actor, {
      action: 'integrity.record',
      entity: 'integrity_record',
      entityId: row.id,
      organizationId: row.organizationId,
      after: row,
    });
    if (row.partyKind === 'organization' && row.organizationId)
      await notify(tx, {
        organizationId: row.organizationId,
        kind: 'integrity_record',
        title: `诚信记录：${row.decidingBody} 作出处理`,
        body: `${row.misconduct.slice(0, 120)}（可于 ${appealDeadline(row.effectiveOn)} 前申诉）`,
        link: link(row.id),
        needsAction: true,
      });
  });
  return row.id;
}

/**
 * An entry the platform makes by itself (a missing annual report), in the caller's transaction; at
 * most one per `sourceRef`. Returns the new id, or null when it existed already.
 */
export async function recordAutomaticEntry(
  tx: Tx,
  actor: Actor,
  e: {
    source: 'annual_report';
    sourceRef: string;
    organizationId: string;
    regionCode: string;
    misconduct: string;
    penaltyKind: PenaltyKind;
    decidingBody: string;
    legalBasis: LegalBasis;
    effectiveOn: string;
    periodMonths: number;
  },
): Promise<string | null> {
  const now = clock.now();
  const row = {
    id: newId(),
    partyKind: 'organization',
    organizationId: e.organizationId,
    personName: null,
    regionCode: e.regionCode,
    misconduct: e.misconduct,
    penaltyKind: e.penaltyKind,
    penaltyDetail: '',
    decidingBody: e.decidingBody,
    legalBasis: e.legalBasis,
    legalBasisDetail: '',
    effectiveOn: e.effectiveOn,
    periodMonths: e.periodMonths,
    endsOn: penaltyEndsOn(e.effectiveOn, e.periodMonths),
    status: 'recorded',
    source: e.source,
    sourceRef: e.sourceRef,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await tx.insert(integrityRecords).values(row).onConflictDoNothing().returning({ id: integrityRecords.id });
  if (inserted.length === 0) return null;
  await writeAudit(tx, actor, {
    action: 'integrity.record_automatic',
    entity: 'integrity_record',
    entityId: row.id,
    organizationId: e.organizationId,
    after: row,
  });
  await notify(tx, {
    organizationId: e.organizationId,
    kind: 'integrity_record',
    title: `诚信记录：${e.misconduct.slice(0, 60)}`,
    body: `可于 ${appealDeadline(e.effectiveOn)} 前申诉`,
    link: link(row.id),
    needsAction: true,
  });
  return row.id;
}

export async function loadVisibleRecord(db: DbOrTx, actor: Actor, id: string, lock?: Tx) {
  requireUser(actor);
  const q = (lock ?? db).select().from(integrityRecords).where(eq(integrityRecords.id, id));
  const [row] = lock ? await q.for('update') : await q;
  const path = row ? await regionPathOf(db, row.regionCode) : '';
  if (!row || !canSee(actor, row, path)) throw AppError.notFound('Integrity record');
  return { row, parties: integrityPartiesFor(actor, row, path) };
}

export async function listIntegrityRecords(opts: { db: Db; actor: Actor; query: z.infer<typeof IntegrityListQuery> }) {
  requireUser(opts.actor);
  const { actor, query } = opts;
  const scopes: SQL[] = [];
  let everything = false;
  if (can(actor, 'integrity:record')) {
    if (isPlatformAdmin(actor)) everything = true;
    else {
      const codes = (await findRegions(opts.db)).filter((r) => inRegionScope(actor, r.path)).map((r) => r.code);
      if (codes.length) scopes.push(inArray(integrityRecords.regionCode, codes));
    }
  }
  const own = organizationIdsOf(actor);
  if (own.length) scopes.push(and(eq(integrityRecords.partyKind, 'organization'), inArray(integrityRecords.organizationId, own))!);
  if (!everything && scopes.length === 0) return [];
  const day = today();
  return opts.db
    .select()
    .from(integrityRecords)
    .where(
      and(
        everything ? undefined : or(...scopes),
        query.organizationId ? eq(integrityRecords.organizationId, query.organizationId) : undefined,
        query.inForce === 'true' ? inForceSql(day) : undefined,
        query.inForce === 'false'
          ? or(eq(integrityRecords.status, 'revoked'), gt(integrityRecords.effectiveOn, day), lte(integrityRecords.endsOn, day))
          : undefined,
      ),
    )
    .orderBy(desc(integrityRecords.createdAt), desc(integrityRecords.id))
    .limit(500);
}

/** `penaltyInForce` as SQL (the same rule, for lists and flags). */
const inForceSql = (day: string) =>
  and(ne(integrityRecords.status, 'revoked'), lte(integrityRecords.effectiveOn, day), gt(integrityRecords.endsOn, day));

export async function transitionIntegrityRecord(opts: { db: Db; actor: Actor; id: string; action: IntegrityTransition; reason: string }) {
  requireUser(opts.actor);
  const t = INTEGRITY_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const { row, parties } = await loadVisibleRecord(tx, opts.actor, opts.id, tx);
    const status = row.status as IntegrityStatus;
    if (!parties.includes(t.by))
      throw AppError.forbidden(
        t.by === 'party' ? 'Only an admin of the organisation concerned may appeal' : 'Only an officer over the region decides an appeal',
      );
    requirePermission(opts.actor, t.by === 'party' ? 'integrity:appeal' : 'integrity:record');
    if (!integrityTransitionAllowed(opts.action, status, parties))
      throw AppError.conflict(`Cannot ${opts.action} a record that is ${status}`);
    const now = clock.now();
    if (opts.action === 'appeal' && today() > appealDeadline(row.effectiveOn))
      throw AppError.conflict(`The appeal period ended on ${appealDeadline(row.effectiveOn)}`);
    const set: Partial<IntegrityRow> =
      opts.action === 'appeal'
        ? { status: t.to, appealReason: opts.reason, appealedAt: now, appealedBy: opts.actor.userId, updatedAt: now }
        : { status: t.to, decisionReason: opts.reason, decidedAt: now, decidedBy: opts.actor.userId, updatedAt: now };
    await tx.update(integrityRecords).set(set).where(eq(integrityRecords.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `integrity.${opts.action}`,
      entity: 'integrity_record',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status },
      after: { status: t.to, reason: opts.reason },
    });
    if (t.by === 'officer' && row.organizationId)
      await notify(tx, {
        organizationId: row.organizationId,
        kind: `integrity_${opts.action}`,
        title: opts.action === 'uphold_appeal' ? '诚信记录申诉成立，记录已撤销' : '诚信记录申诉被驳回，维持原处理',
        body: opts.reason,
        link: link(row.id),
      });
  });
}

export function integrityActions(row: IntegrityRow, parties: IntegrityParty[]): IntegrityTransition[] {
  return (Object.keys(INTEGRITY_TRANSITION_TABLE) as IntegrityTransition[]).filter(
    (name) =>
      integrityTransitionAllowed(name, row.status as IntegrityStatus, parties) &&
      (name !== 'appeal' || today() <= appealDeadline(row.effectiveOn)),
  );
}

export const recordInForce = (row: IntegrityRow, at: Date = clock.now()) => penaltyInForce(row, localDateOf(at));

/**
 * Penalties in force against an organisation at an instant (the organisation as the party). Other
 * modules call this to flag or block a party: applications, challenges, subsidy programmes.
 */
export async function activePenaltiesOf(db: DbOrTx, organizationId: string, at: Date): Promise<IntegrityRow[]> {
  return db
    .select()
    .from(integrityRecords)
    .where(
      and(eq(integrityRecords.organizationId, organizationId), eq(integrityRecords.partyKind, 'organization'), inForceSql(localDateOf(at))),
    )
    .orderBy(desc(integrityRecords.effectiveOn));
}

/** Of these organisations, those under a penalty in force at `at` (for flags in lists). */
export async function organizationsUnderPenalty(db: DbOrTx, organizationIds: string[], at: Date): Promise<Set<string>> {
  if (organizationIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: integrityRecords.organizationId })
    .from(integrityRecords)
    .where(
      and(
        inArray(integrityRecords.organizationId, [...new Set(organizationIds)]),
        eq(integrityRecords.partyKind, 'organization'),
        inForceSql(localDateOf(at)),
      ),
    );
  return new Set(rows.map((r) => r.id!));
}

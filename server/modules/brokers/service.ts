import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AccreditationBody,
  BrokersQuery,
  BrokerStatus,
  BrokerTier,
  BrokerTransition,
  CreateBrokerBody,
  DeclarationBody,
  TrainingBody,
  UpdateBrokerBody,
} from '../../../common/api/brokers.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, inRegionScope, isPlatformAdmin, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { contractNamingBroker } from '../contracts/brokered.js';
import { findUser } from '../identity/repository.js';
import { findOrganization, findRegion } from '../organizations/repository.js';
import { BROKER_TRANSITION_TABLE, brokerTransitionAllowed, currentTier } from './lifecycle.js';
import { accreditationsOf, brokerFilter, findBrokerRows, today, trackRecords, trainingsOf, type BrokerRow } from './records.js';
import { brokerAccreditations, brokerDeclarations, brokers, brokerTrainings } from './schema.js';

/**
 * The registry: kept by registry keepers (broker:manage — platform admins everywhere, government
 * officers for brokers employed in their region or employed nowhere), read by everyone. A broker
 * declares conflicts of interest on the contracts that name them.
 */

/** May the actor keep this broker's entry? Platform admin; an officer over the employer's region. */
export async function mayManage(db: DbOrTx, actor: Actor, employerId: string | null): Promise<boolean> {
  if (!can(actor, 'broker:manage')) return false;
  if (isPlatformAdmin(actor)) return true;
  if (!employerId) return actor.grants.some((g) => g.role === 'gov_officer');
  const org = await findOrganization(db, employerId);
  const region = org ? await findRegion(db, org.regionCode) : undefined;
  return !!region && inRegionScope(actor, region.path);
}

async function requireManage(db: DbOrTx, actor: Actor, employerId: string | null): Promise<void> {
  requirePermission(actor, 'broker:manage');
  if (!(await mayManage(db, actor, employerId))) throw AppError.forbidden('The broker is employed outside your region');
}

async function lockBroker(tx: Tx, id: string): Promise<BrokerRow> {
  const [row] = await tx.select().from(brokers).where(eq(brokers.id, id)).for('update');
  if (!row) throw AppError.notFound('Broker');
  return row;
}

async function checkReferences(db: DbOrTx, input: Partial<CreateBrokerBody>, selfId?: string) {
  if (input.employingOrganizationId) {
    const org = await findOrganization(db, input.employingOrganizationId);
    if (!org || org.status !== 'active') throw AppError.validation('body.employingOrganizationId', 'is not an active organisation');
  }
  if (input.userId) {
    if (!(await findUser(db, input.userId))) throw AppError.validation('body.userId', 'is not a user on the platform');
    const [other] = await db.select({ id: brokers.id }).from(brokers).where(eq(brokers.userId, input.userId));
    if (other && other.id !== selfId)
      throw new AppError('conflict', 'That account already has a registry entry', {
        fields: [{ field: 'body.userId', message: 'already has a registry entry' }],
      });
  }
}

export async function createBroker(opts: { db: Db; actor: Actor; input: CreateBrokerBody }): Promise<string> {
  const { db, actor, input } = opts;
  await requireManage(db, actor, input.employingOrganizationId ?? null);
  await checkReferences(db, input);
  const now = clock.now();
  const row = {
    id: newId(),
    userId: input.userId ?? null,
    name: input.name,
    employingOrganizationId: input.employingOrganizationId ?? null,
    status: 'active' as BrokerStatus,
    specialties: input.specialties,
    bio: input.bio,
    phone: input.phone ?? null,
    email: input.email ?? null,
    statusReason: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(brokers).values(row);
    await writeAudit(tx, actor, {
      action: 'broker.register',
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      after: row,
    });
  });
  return row.id;
}

export async function updateBroker(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof UpdateBrokerBody> }) {
  const { db, actor, input } = opts;
  await db.transaction(async (tx) => {
    const row = await lockBroker(tx, opts.id);
    await requireManage(tx, actor, row.employingOrganizationId);
    if (input.employingOrganizationId !== undefined && input.employingOrganizationId !== row.employingOrganizationId)
      await requireManage(tx, actor, input.employingOrganizationId ?? null);
    await checkReferences(tx, input, row.id);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await tx
      .update(brokers)
      .set({ ...patch, updatedAt: clock.now() })
      .where(eq(brokers.id, row.id));
    await writeAudit(tx, actor, {
      action: 'broker.update',
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof BrokerRow]])),
      after: patch,
    });
  });
}

export async function transitionBroker(opts: { db: Db; actor: Actor; id: string; action: BrokerTransition; reason?: string }) {
  await opts.db.transaction(async (tx) => {
    const row = await lockBroker(tx, opts.id);
    await requireManage(tx, opts.actor, row.employingOrganizationId);
    const status = row.status as BrokerStatus;
    if (!brokerTransitionAllowed(opts.action, status)) throw AppError.conflict(`Cannot ${opts.action} a broker who is ${status}`);
    const to = BROKER_TRANSITION_TABLE[opts.action].to;
    await tx
      .update(brokers)
      .set({ status: to, statusReason: opts.reason ?? null, updatedAt: clock.now() })
      .where(eq(brokers.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `broker.${opts.action}`,
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      before: { status },
      after: { status: to, reason: opts.reason ?? null },
    });
  });
}

export async function addTraining(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof TrainingBody> }) {
  const { input } = opts;
  if (input.completedOn > today()) throw AppError.validation('body.completedOn', 'is in the future');
  await opts.db.transaction(async (tx) => {
    const row = await lockBroker(tx, opts.id);
    await requireManage(tx, opts.actor, row.employingOrganizationId);
    const training = {
      id: newId(),
      brokerId: row.id,
      course: input.course,
      module: input.module,
      hours: input.hours,
      completedOn: input.completedOn,
      certificateNumber: input.certificateNumber ?? null,
      provider: input.provider ?? null,
      createdAt: clock.now(),
    };
    await tx.insert(brokerTrainings).values(training);
    await writeAudit(tx, opts.actor, {
      action: 'broker.train',
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      after: training,
    });
  });
}

export async function addAccreditation(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof AccreditationBody> }) {
  const { input } = opts;
  if (input.expiresOn <= input.issuedOn) throw AppError.validation('body.expiresOn', 'must be after the issue date');
  await opts.db.transaction(async (tx) => {
    const row = await lockBroker(tx, opts.id);
    await requireManage(tx, opts.actor, row.employingOrganizationId);
    if (row.status === 'withdrawn') throw AppError.conflict('The broker has been withdrawn from the registry');
    const [taken] = await tx
      .select({ id: brokerAccreditations.id })
      .from(brokerAccreditations)
      .where(eq(brokerAccreditations.certificateNumber, input.certificateNumber));
    if (taken)
      throw new AppError('conflict', 'The certificate number is already registered', {
        fields: [{ field: 'body.certificateNumber', message: 'is already registered' }],
      });
    const acc = { id: newId(), brokerId: row.id, ...input, revoked: false, revokeReason: null, createdAt: clock.now() };
    await tx.insert(brokerAccreditations).values(acc);
    await writeAudit(tx, opts.actor, {
      action: 'broker.accredit',
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      after: acc,
    });
  });
}

export async function revokeAccreditation(opts: { db: Db; actor: Actor; id: string; accreditationId: string; reason: string }) {
  await opts.db.transaction(async (tx) => {
    const row = await lockBroker(tx, opts.id);
    await requireManage(tx, opts.actor, row.employingOrganizationId);
    const [acc] = await tx
      .select()
      .from(brokerAccreditations)
      .where(and(eq(brokerAccreditations.id, opts.accreditationId), eq(brokerAccreditations.brokerId, row.id)));
    if (!acc) throw AppError.notFound('Accreditation');
    if (acc.revoked) throw AppError.conflict('The accreditation is already revoked');
    await tx.update(brokerAccreditations).set({ revoked: true, revokeReason: opts.reason }).where(eq(brokerAccreditations.id, acc.id));
    await writeAudit(tx, opts.actor, {
      action: 'broker.revoke_accreditation',
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      before: { accreditationId: acc.id, revoked: false },
      after: { accreditationId: acc.id, revoked: true, reason: opts.reason },
    });
  });
}

/** The caller's own registry entry (by account), or 404. */
export async function ownBrokerId(db: DbOrTx, actor: Actor): Promise<string> {
  requireUser(actor);
  const [row] = await db.select({ id: brokers.id }).from(brokers).where(eq(brokers.userId, actor.userId));
  if (!row) throw AppError.notFound('Broker registry entry');
  return row.id;
}

/** A broker declares (no) conflict of interest on a contract that names them; once per contract. */
export async function declareConflict(opts: { db: Db; actor: Actor; input: z.infer<typeof DeclarationBody> }) {
  requirePermission(opts.actor, 'broker:declare');
  requireUser(opts.actor);
  const { input, actor } = opts;
  if (input.hasConflict && !input.relation?.trim()) throw AppError.validation('body.relation', 'describe the relation to the party');
  const brokerId = await ownBrokerId(opts.db, actor);
  const contract = await contractNamingBroker(opts.db, input.contractId, actor.userId);
  if (!contract) throw AppError.validation('body.contractId', 'is not a contract naming you as its broker');
  await opts.db.transaction(async (tx) => {
    const row = await lockBroker(tx, brokerId);
    if (row.status !== 'active') throw AppError.conflict(`Your registry entry is ${row.status}`);
    const [existing] = await tx
      .select({ id: brokerDeclarations.id })
      .from(brokerDeclarations)
      .where(and(eq(brokerDeclarations.brokerId, row.id), eq(brokerDeclarations.contractId, contract.id)));
    if (existing)
      throw new AppError('conflict', 'You have already declared on this contract', {
        fields: [{ field: 'body.contractId', message: 'already declared' }],
      });
    const declaration = {
      id: newId(),
      brokerId: row.id,
      contractId: contract.id,
      contractTitle: contract.title,
      dealId: contract.dealId,
      hasConflict: input.hasConflict,
      relation: input.hasConflict ? input.relation!.trim() : null,
      statement: input.statement,
      declaredAt: clock.now(),
    };
    await tx.insert(brokerDeclarations).values(declaration);
    await writeAudit(tx, actor, {
      action: 'broker.declare',
      entity: 'broker',
      entityId: row.id,
      organizationId: row.employingOrganizationId,
      after: declaration,
    });
  });
  return brokerId;
}

/** The public directory: active brokers, ranked by registered contract amount (in a year, if given). */
export async function listBrokers(opts: { db: DbOrTx; query: z.infer<typeof BrokersQuery> }) {
  const { query } = opts;
  const rows = await findBrokerRows(opts.db, brokerFilter({ ...query, statuses: ['active'] }));
  const acc = await accreditationsOf(
    opts.db,
    rows.map((r) => r.id),
  );
  const day = today();
  const tiers = new Map(rows.map((r) => [r.id, currentTier(acc.get(r.id) ?? [], day)]));
  const kept = query.tier ? rows.filter((r) => tiers.get(r.id) === query.tier) : rows;
  const { records } = await trackRecords(opts.db, kept, query.year);
  const ranked = [...kept].sort(
    (a, b) =>
      records.get(b.id)!.contractAmountFen - records.get(a.id)!.contractAmountFen ||
      records.get(b.id)!.contracts - records.get(a.id)!.contracts ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const rank = new Map(ranked.map((r, i) => [r.id, i + 1]));
  const ordered = query.sort === 'ranking' ? ranked : kept;
  return {
    total: ordered.length,
    rows: ordered.slice(query.offset, query.offset + query.limit),
    tiers: tiers as Map<string, BrokerTier | null>,
    records,
    rank: query.sort === 'ranking' ? rank : null,
  };
}

/** One broker with everything the profile shows; the private parts only to keepers and the broker. */
export async function getBroker(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const [row] = await findBrokerRows(opts.db, eq(brokers.id, opts.id));
  if (!row) throw AppError.notFound('Broker');
  const isSelf = opts.actor.kind === 'user' && !!row.userId && row.userId === opts.actor.userId;
  const manage = await mayManage(opts.db, opts.actor, row.employingOrganizationId);
  // A withdrawn or suspended entry stays visible to keepers and the broker only.
  if (row.status !== 'active' && !manage && !isSelf) throw AppError.notFound('Broker');
  const acc = (await accreditationsOf(opts.db, [row.id])).get(row.id) ?? [];
  const trainings = await trainingsOf(opts.db, [row.id]);
  const { records, facts } = await trackRecords(opts.db, [row]);
  const declarations =
    manage || isSelf
      ? await opts.db
          .select()
          .from(brokerDeclarations)
          .where(eq(brokerDeclarations.brokerId, row.id))
          .orderBy(brokerDeclarations.declaredAt)
      : null;
  return {
    row,
    accreditations: acc,
    trainings: trainings.get(row.id) ?? [],
    record: records.get(row.id)!,
    facts: facts.get(row.id) ?? [],
    declarations,
    manage,
    isSelf,
    canDeclare: isSelf && can(opts.actor, 'broker:declare') && row.status === 'active',
  };
}
export type LoadedBroker = Awaited<ReturnType<typeof getBroker>>;

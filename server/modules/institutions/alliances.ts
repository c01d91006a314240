import { asc, eq, and } from 'drizzle-orm';
import type { z } from 'zod';
import type { AllianceBody, AllianceView } from '../../../common/api/institutions.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { isCertifier, requireCertifier } from './policy.js';
import { today } from './records.js';
import { allianceMembers, alliances } from './schema.js';

/** Alliances (联盟): groups of organisations with a lead, kept by certifiers. The lead is always a member. */

async function requireActive(db: DbOrTx, ids: string[], field: string) {
  const orgs = await organizationsByIds(db, ids);
  ids.forEach((id, i) => {
    if (orgs.get(id)?.status !== 'active')
      throw AppError.validation(ids.length > 1 ? `${field}.${i}` : field, 'is not an active organisation');
  });
}

export async function createAlliance(opts: { db: Db; actor: Actor; input: z.infer<typeof AllianceBody> }): Promise<string> {
  requireCertifier(opts.actor);
  const { input } = opts;
  await requireActive(opts.db, [input.leadOrganizationId], 'body.leadOrganizationId');
  const members = [...new Set([input.leadOrganizationId, ...input.memberOrganizationIds])];
  await requireActive(opts.db, input.memberOrganizationIds, 'body.memberOrganizationIds');
  const row = {
    id: newId(),
    name: input.name,
    description: input.description,
    foundedOn: input.foundedOn,
    leadOrganizationId: input.leadOrganizationId,
    createdBy: opts.actor.userId,
    createdAt: clock.now(),
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(alliances).values(row);
    await tx
      .insert(allianceMembers)
      .values(members.map((organizationId) => ({ allianceId: row.id, organizationId, joinedOn: input.foundedOn })));
    await writeAudit(tx, opts.actor, { action: 'alliance.create', entity: 'alliance', entityId: row.id, after: { ...row, members } });
  });
  return row.id;
}

export async function addAllianceMember(opts: { db: Db; actor: Actor; id: string; organizationId: string }) {
  requireCertifier(opts.actor);
  await requireActive(opts.db, [opts.organizationId], 'body.organizationId');
  await opts.db.transaction(async (tx) => {
    const [a] = await tx.select().from(alliances).where(eq(alliances.id, opts.id)).for('update');
    if (!a) throw AppError.notFound('Alliance');
    const inserted = await tx
      .insert(allianceMembers)
      .values({ allianceId: a.id, organizationId: opts.organizationId, joinedOn: today() })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw AppError.conflict('The organisation is already a member');
    await writeAudit(tx, opts.actor, {
      action: 'alliance.add_member',
      entity: 'alliance',
      entityId: a.id,
      organizationId: opts.organizationId,
      after: inserted[0]!,
    });
  });
}

export async function removeAllianceMember(opts: { db: Db; actor: Actor; id: string; organizationId: string }) {
  requirePermission(opts.actor, 'institution:certify');
  await opts.db.transaction(async (tx) => {
    const [a] = await tx.select().from(alliances).where(eq(alliances.id, opts.id)).for('update');
    if (!a) throw AppError.notFound('Alliance');
    requireCertifier(opts.actor);
    if (a.leadOrganizationId === opts.organizationId) throw AppError.conflict('The lead organisation cannot leave its alliance');
    const removed = await tx
      .delete(allianceMembers)
      .where(and(eq(allianceMembers.allianceId, a.id), eq(allianceMembers.organizationId, opts.organizationId)))
      .returning();
    if (removed.length === 0) throw AppError.notFound('Member');
    await writeAudit(tx, opts.actor, {
      action: 'alliance.remove_member',
      entity: 'alliance',
      entityId: a.id,
      organizationId: opts.organizationId,
      before: removed[0]!,
    });
  });
}

export async function listAlliances(opts: { db: DbOrTx; actor: Actor }): Promise<AllianceView[]> {
  const rows = await opts.db.select().from(alliances).orderBy(asc(alliances.name));
  const out: AllianceView[] = [];
  for (const r of rows) out.push(await getAlliance({ ...opts, id: r.id }));
  return out;
}

export async function getAlliance(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<AllianceView> {
  const [a] = await opts.db.select().from(alliances).where(eq(alliances.id, opts.id));
  if (!a) throw AppError.notFound('Alliance');
  const members = await opts.db
    .select()
    .from(allianceMembers)
    .where(eq(allianceMembers.allianceId, a.id))
    .orderBy(asc(allianceMembers.joinedOn));
  const orgs = await organizationsByIds(opts.db, [a.leadOrganizationId, ...members.map((m) => m.organizationId)]);
  const name = (id: string) => orgs.get(id)?.name ?? '';
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    foundedOn: a.foundedOn,
    lead: { id: a.leadOrganizationId, name: name(a.leadOrganizationId) },
    members: members
      .map((m) => ({
        id: m.organizationId,
        name: name(m.organizationId),
        joinedOn: m.joinedOn,
        lead: m.organizationId === a.leadOrganizationId,
      }))
      .sort((x, y) => Number(y.lead) - Number(x.lead)),
    actions: isCertifier(opts.actor) ? ['manage'] : [],
  };
}

import type { BrokerStatus, BrokerSummary, BrokerTier, BrokerView, TrackRecord, TrainingModule } from '../../../common/api/brokers.js';
import { BROKER_TRANSITIONS, TRAINING_MODULES } from '../../../common/api/brokers.js';
import type { DbOrTx } from '../../db/client.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { accreditationStatus, brokerTransitionAllowed, currentTier } from './lifecycle.js';
import { today, trainingsOf, type BrokerRow } from './records.js';
import type { LoadedBroker } from './service.js';

type Orgs = Awaited<ReturnType<typeof organizationsByIds>>;

function summary(
  row: BrokerRow,
  extra: { tier: BrokerTier | null; record: TrackRecord; hours: number; rank: number | null },
  orgs: Orgs,
): BrokerSummary {
  const employer = row.employingOrganizationId ? orgs.get(row.employingOrganizationId) : undefined;
  return {
    id: row.id,
    name: row.name,
    status: row.status as BrokerStatus,
    tier: extra.tier,
    certified: extra.tier !== null,
    employer: employer ? { id: employer.id, name: employer.name } : null,
    specialties: row.specialties,
    trainingHours: extra.hours,
    trackRecord: extra.record,
    rank: extra.rank,
  };
}

export async function presentBrokers(
  db: DbOrTx,
  list: { rows: BrokerRow[]; tiers: Map<string, BrokerTier | null>; records: Map<string, TrackRecord>; rank: Map<string, number> | null },
): Promise<BrokerSummary[]> {
  const orgs = await organizationsByIds(
    db,
    list.rows.flatMap((r) => (r.employingOrganizationId ? [r.employingOrganizationId] : [])),
  );
  const trainings = await trainingsOf(
    db,
    list.rows.map((r) => r.id),
  );
  return list.rows.map((r) =>
    summary(
      r,
      {
        tier: list.tiers.get(r.id) ?? null,
        record: list.records.get(r.id)!,
        hours: (trainings.get(r.id) ?? []).reduce((s, t) => s + Number(t.hours), 0),
        rank: list.rank?.get(r.id) ?? null,
      },
      orgs,
    ),
  );
}

export async function presentBroker(db: DbOrTx, b: LoadedBroker): Promise<BrokerView> {
  const day = today();
  const orgs = await organizationsByIds(db, b.row.employingOrganizationId ? [b.row.employingOrganizationId] : []);
  const hoursByModule = Object.fromEntries(TRAINING_MODULES.map((m) => [m, 0])) as Record<TrainingModule, number>;
  for (const t of b.trainings) hoursByModule[t.module as TrainingModule] += Number(t.hours);
  const hours = Object.values(hoursByModule).reduce((s, h) => s + h, 0);
  const status = b.row.status as BrokerStatus;
  const actions: BrokerView['actions'] = [];
  if (b.manage) {
    actions.push('edit', 'train', 'accredit', 'revoke');
    for (const t of BROKER_TRANSITIONS) if (brokerTransitionAllowed(t, status)) actions.push(t);
  }
  if (b.canDeclare) actions.push('declare');
  return {
    ...summary(b.row, { tier: currentTier(b.accreditations, day), record: b.record, hours, rank: null }, orgs),
    bio: b.row.bio,
    hasAccount: !!b.row.userId,
    contact: b.manage || b.isSelf ? { phone: b.row.phone, email: b.row.email } : null,
    accreditations: b.accreditations.map((a) => ({
      id: a.id,
      tier: a.tier as BrokerTier,
      certificateNumber: a.certificateNumber,
      issuedOn: a.issuedOn,
      expiresOn: a.expiresOn,
      issuer: a.issuer,
      status: accreditationStatus(a, day),
      revokeReason: a.revokeReason,
    })),
    trainings: b.trainings.map((t) => ({
      id: t.id,
      course: t.course,
      module: t.module as TrainingModule,
      hours: Number(t.hours),
      completedOn: t.completedOn,
      certificateNumber: t.certificateNumber,
      provider: t.provider,
    })),
    hoursByModule,
    recentContracts: [...b.facts]
      .reverse()
      .slice(0, 20)
      .map((f) => ({
        registrationNumber: f.registrationNumber,
        title: f.title,
        type: f.type,
        contractAmountFen: f.contractAmountFen,
        certifiedAt: f.certifiedAt?.toISOString() ?? null,
        seller: f.seller.name,
        buyer: f.buyer.name,
        dealId: f.dealId,
      })),
    declarations:
      b.declarations?.map((d) => ({
        id: d.id,
        contractId: d.contractId,
        contractTitle: d.contractTitle,
        dealId: d.dealId,
        hasConflict: d.hasConflict,
        relation: d.relation,
        statement: d.statement,
        declaredAt: d.declaredAt.toISOString(),
      })) ?? null,
    actions,
  };
}

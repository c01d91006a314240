import type { IntegrityRecordView } from '../../../common/api/integrity.js';
import { appealDeadline, type IntegrityStatus, type LegalBasis, type PenaltyKind } from '../../../common/integrity.js';
import type { DbOrTx } from '../../db/client.js';
import { organizationsByIds } from '../organizations/lookups.js';
import type { IntegrityParty } from './lifecycle.js';
import { integrityActions, recordInForce, type IntegrityRow } from './service.js';

export async function presentIntegrityRecords(
  db: DbOrTx,
  items: Array<{ row: IntegrityRow; parties: IntegrityParty[] }>,
): Promise<IntegrityRecordView[]> {
  const orgs = await organizationsByIds(
    db,
    items.flatMap((i) => (i.row.organizationId ? [i.row.organizationId] : [])),
  );
  return items.map(({ row, parties }) => ({
    id: row.id,
    partyKind: row.partyKind as IntegrityRecordView['partyKind'],
    organization: row.organizationId ? { id: row.organizationId, name: orgs.get(row.organizationId)?.name ?? '' } : null,
    personName: row.personName,
    regionCode: row.regionCode,
    misconduct: row.misconduct,
    penaltyKind: row.penaltyKind as PenaltyKind,
    penaltyDetail: row.penaltyDetail,
    decidingBody: row.decidingBody,
    legalBasis: row.legalBasis as LegalBasis,
    legalBasisDetail: row.legalBasisDetail,
    effectiveOn: row.effectiveOn,
    periodMonths: row.periodMonths,
    endsOn: row.endsOn,
    inForce: recordInForce(row),
    status: row.status as IntegrityStatus,
    source: row.source,
    appealReason: row.appealReason,
    appealedAt: row.appealedAt?.toISOString() ?? null,
    appealDeadline: appealDeadline(row.effectiveOn),
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    actions: integrityActions(row, parties),
  }));
}

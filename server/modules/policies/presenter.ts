import type { PolicySummary, PolicyView } from '../../../common/api/policies.js';
import type { DbOrTx } from '../../db/client.js';
import { findRegions } from '../organizations/repository.js';
import type { PolicyRow } from './service.js';

export async function presentPolicySummaries(db: DbOrTx, rows: PolicyRow[]): Promise<PolicySummary[]> {
  const names = new Map(
    (await findRegions(db, [...new Set(rows.flatMap((r) => (r.regionCode ? [r.regionCode] : [])))])).map((r) => [r.code, r.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    level: r.level as PolicySummary['level'],
    regionCode: r.regionCode,
    regionName: r.regionCode ? (names.get(r.regionCode) ?? null) : null,
    issuer: r.issuer,
    documentNumber: r.documentNumber,
    issuedOn: r.issuedOn,
    effectiveFrom: r.effectiveFrom,
    effectiveUntil: r.effectiveUntil,
    summary: r.summary,
    tags: r.tags,
    organizationTypes: r.organizationTypes,
    fieldCodes: r.fieldCodes,
    smeOnly: r.smeOnly,
    status: r.status as PolicySummary['status'],
    publishedAt: r.publishedAt?.toISOString() ?? null,
  }));
}

export async function presentPolicy(db: DbOrTx, loaded: { row: PolicyRow; canPublish: boolean; canEdit: boolean }): Promise<PolicyView> {
  const [summary] = await presentPolicySummaries(db, [loaded.row]);
  return {
    ...summary!,
    fullText: loaded.row.fullText,
    sourceUrl: loaded.row.sourceUrl,
    actions: [...(loaded.canEdit ? (['edit'] as const) : []), ...(loaded.canPublish ? (['publish'] as const) : [])],
  };
}

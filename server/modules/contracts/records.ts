import { asc, eq, inArray } from 'drizzle-orm';
import type { ContractStatus, PartyRole } from '../../../common/contracts.js';
import type { DbOrTx } from '../../db/client.js';
import { technicalFieldsJoinable } from '../catalog/repository.js';
import { contractAttachments, contractCostItems, contractParties, contractPayments, contracts } from './schema.js';
import { findRegions, organizationsJoinable, regionsJoinable } from '../organizations/repository.js';
import type { ContractFacts } from './policy.js';
import type { ScreeningEvidenceView } from '../../../common/api/export-control.js';
import { evidenceKey, screeningEvidence } from '../export-control/evidence.js';

export type ContractRow = typeof contracts.$inferSelect;
export type PartyRow = typeof contractParties.$inferSelect & { regionName: string | null; regionPath: string | null };
export type CostItemRow = typeof contractCostItems.$inferSelect;
export type PaymentRow = typeof contractPayments.$inferSelect;
export type AttachmentRow = Omit<typeof contractAttachments.$inferSelect, 'content'> & { stored: boolean };

/** A contract with everything its view, certificate and fact need. */
export interface LoadedContract {
  row: ContractRow;
  applicant: { id: string; name: string };
  registrationPoint: { id: string; name: string; regionCode: string; regionName: string; regionPath: string };
  fieldName: string | null;
  parties: { seller: PartyRow; buyer: PartyRow; intermediary: PartyRow | null };
  costs: CostItemRow[];
  payments: PaymentRow[];
  attachments: AttachmentRow[];
  /** The export-control screening of the contract, or else of its deal (export-control evidence.ts). */
  exportScreening: ScreeningEvidenceView | null;
}

const applicantOrg = organizationsJoinable('applicant');
const pointOrg = organizationsJoinable('point');
const pointRegion = regionsJoinable('point_region');
const regions = regionsJoinable();
const technicalFields = technicalFieldsJoinable();

/** Groups rows by contract id, keeping their order. */
function byContract<T extends { contractId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.contractId);
    if (list) list.push(r);
    else out.set(r.contractId, [r]);
  }
  return out;
}

/**
 * Contracts with everything their view, certificate, fact and export row need, in the order of
 * `ids` (unknown ids are left out): five statements for the whole set, one after the other (never
 * concurrently on one client). `forUpdate` locks the contract rows (a transition's read).
 */
export async function loadContracts(db: DbOrTx, ids: string[], opts: { forUpdate?: boolean } = {}): Promise<LoadedContract[]> {
  if (ids.length === 0) return [];
  const head = db
    .select({
      row: contracts,
      applicantName: applicantOrg.name,
      pointName: pointOrg.name,
      pointRegionName: pointRegion.name,
      pointRegionPath: pointRegion.path,
      fieldName: technicalFields.nameZh,
    })
    .from(contracts)
    .innerJoin(applicantOrg, eq(applicantOrg.id, contracts.organizationId))
    .innerJoin(pointOrg, eq(pointOrg.id, contracts.registrationOrganizationId))
    .innerJoin(pointRegion, eq(pointRegion.code, contracts.registrationRegionCode))
    .leftJoin(technicalFields, eq(technicalFields.code, contracts.fieldCode))
    .where(inArray(contracts.id, ids));
  const heads = opts.forUpdate ? await head.for('update', { of: contracts }) : await head;
  if (heads.length === 0) return [];
  const found = heads.map((h) => h.row.id);
  const parties = byContract(
    (
      await db
        .select({ party: contractParties, regionName: regions.name, regionPath: regions.path })
        .from(contractParties)
        .leftJoin(regions, eq(regions.code, contractParties.regionCode))
        .where(inArray(contractParties.contractId, found))
    ).map((p) => ({ ...p.party, regionName: p.regionName, regionPath: p.regionPath })),
  );
  const costs = byContract(
    await db
      .select()
      .from(contractCostItems)
      .where(inArray(contractCostItems.contractId, found))
      .orderBy(asc(contractCostItems.contractId), asc(contractCostItems.position)),
  );
  const payments = byContract(
    await db
      .select()
      .from(contractPayments)
      .where(inArray(contractPayments.contractId, found))
      .orderBy(asc(contractPayments.contractId), asc(contractPayments.position)),
  );
  const attachments = byContract(
    await db
      .select({
        id: contractAttachments.id,
        contractId: contractAttachments.contractId,
        kind: contractAttachments.kind,
        name: contractAttachments.name,
        contentType: contractAttachments.contentType,
        sizeBytes: contractAttachments.sizeBytes,
        url: contractAttachments.url,
        uploadedBy: contractAttachments.uploadedBy,
        createdAt: contractAttachments.createdAt,
      })
      .from(contractAttachments)
      .where(inArray(contractAttachments.contractId, found))
      .orderBy(asc(contractAttachments.contractId), asc(contractAttachments.createdAt), asc(contractAttachments.id)),
  );
  const screenings = await screeningEvidence(db, [
    ...heads.map((h) => ({ subject: 'contract' as const, id: h.row.id })),
    ...heads.flatMap((h) => (h.row.dealId ? [{ subject: 'deal' as const, id: h.row.dealId }] : [])),
  ]);
  const loaded = new Map<string, LoadedContract>();
  for (const h of heads) {
    const id = h.row.id;
    const byRole = new Map<PartyRole, PartyRow>((parties.get(id) ?? []).map((p) => [p.role as PartyRole, p]));
    loaded.set(id, {
      row: h.row,
      applicant: { id: h.row.organizationId, name: h.applicantName },
      registrationPoint: {
        id: h.row.registrationOrganizationId,
        name: h.pointName,
        regionCode: h.row.registrationRegionCode,
        regionName: h.pointRegionName,
        regionPath: h.pointRegionPath,
      },
      fieldName: h.fieldName,
      parties: { seller: byRole.get('seller')!, buyer: byRole.get('buyer')!, intermediary: byRole.get('intermediary') ?? null },
      costs: costs.get(id) ?? [],
      payments: payments.get(id) ?? [],
      attachments: (attachments.get(id) ?? []).map((a) => ({ ...a, stored: a.url == null })),
      exportScreening:
        screenings.get(evidenceKey('contract', id)) ??
        (h.row.dealId ? screenings.get(evidenceKey('deal', h.row.dealId)) : undefined) ??
        null,
    });
  }
  return ids.map((id) => loaded.get(id)).filter((c): c is LoadedContract => c !== undefined);
}

/** One contract; `forUpdate` locks its row for a transition. Null when there is none. */
export async function loadContract(db: DbOrTx, id: string, forUpdate = false): Promise<LoadedContract | null> {
  return (await loadContracts(db, [id], { forUpdate }))[0] ?? null;
}

export function factsOf(c: LoadedContract): ContractFacts {
  return {
    organizationId: c.row.organizationId,
    registrationOrganizationId: c.row.registrationOrganizationId,
    status: c.row.status as ContractStatus,
    regionPaths: [c.parties.seller.regionPath, c.parties.buyer.regionPath, c.registrationPoint.regionPath].filter((p): p is string =>
      Boolean(p),
    ),
    expertReviewRequired: c.row.expertReviewRequired,
    hasExpertReview: c.row.expertReview != null,
  };
}

/** Region paths for a set of codes (officers' scope in lists). */
export async function regionPaths(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await findRegions(db, codes);
  return new Map(rows.map((r) => [r.code, r.path]));
}

import { asc, eq, inArray } from 'drizzle-orm';
import type { ContractStatus, PartyRole } from '../../../common/contracts.js';
import type { DbOrTx } from '../../db/client.js';
import {
  contractAttachments,
  contractCostItems,
  contractParties,
  contractPayments,
  contracts,
  organizations,
  regions,
  technicalFields,
} from '../../db/schema/index.js';
import type { ContractFacts } from './policy.js';

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
}

/** One contract; `forUpdate` locks its row for a transition. Null when there is none. */
export async function loadContract(db: DbOrTx, id: string, forUpdate = false): Promise<LoadedContract | null> {
  const q = db.select().from(contracts).where(eq(contracts.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) return null;
  const [orgs, point, field, parties, costs, payments, attachments] = await Promise.all([
    db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId)),
    db
      .select({ id: organizations.id, name: organizations.name, regionCode: regions.code, regionName: regions.name, regionPath: regions.path })
      .from(organizations)
      .innerJoin(regions, eq(regions.code, row.registrationRegionCode))
      .where(eq(organizations.id, row.registrationOrganizationId)),
    row.fieldCode ? db.select({ name: technicalFields.nameZh }).from(technicalFields).where(eq(technicalFields.code, row.fieldCode)) : Promise.resolve([]),
    db
      .select({ party: contractParties, regionName: regions.name, regionPath: regions.path })
      .from(contractParties)
      .leftJoin(regions, eq(regions.code, contractParties.regionCode))
      .where(eq(contractParties.contractId, id)),
    db.select().from(contractCostItems).where(eq(contractCostItems.contractId, id)).orderBy(asc(contractCostItems.position)),
    db.select().from(contractPayments).where(eq(contractPayments.contractId, id)).orderBy(asc(contractPayments.position)),
    db
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
      .where(eq(contractAttachments.contractId, id))
      .orderBy(asc(contractAttachments.createdAt), asc(contractAttachments.id)),
  ]);
  const byRole = new Map<PartyRole, PartyRow>(parties.map((p) => [p.party.role as PartyRole, { ...p.party, regionName: p.regionName, regionPath: p.regionPath }]));
  return {
    row,
    applicant: orgs[0]!,
    registrationPoint: point[0]!,
    fieldName: field[0]?.name ?? null,
    parties: { seller: byRole.get('seller')!, buyer: byRole.get('buyer')!, intermediary: byRole.get('intermediary') ?? null },
    costs,
    payments,
    attachments: attachments.map((a) => ({ ...a, stored: a.url == null })),
  };
}

export async function loadContracts(db: DbOrTx, ids: string[]): Promise<LoadedContract[]> {
  const out: LoadedContract[] = [];
  for (const id of ids) {
    const c = await loadContract(db, id);
    if (c) out.push(c);
  }
  return out;
}

export function factsOf(c: LoadedContract): ContractFacts {
  return {
    organizationId: c.row.organizationId,
    registrationOrganizationId: c.row.registrationOrganizationId,
    status: c.row.status as ContractStatus,
    regionPaths: [c.parties.seller.regionPath, c.parties.buyer.regionPath, c.registrationPoint.regionPath].filter((p): p is string => Boolean(p)),
    expertReviewRequired: c.row.expertReviewRequired,
    hasExpertReview: c.row.expertReview != null,
  };
}

/** Region paths for a set of codes (officers' scope in lists). */
export async function regionPaths(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: regions.code, path: regions.path }).from(regions).where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.path]));
}

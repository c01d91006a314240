import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { findRegions } from '../organizations/repository.js';
import { contractFacts } from './schema.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { applyDeltas, contributions, mergeDeltas, type FactRow } from './rollup.js';

/**
 * The statistics module's door for the contracts module: every certified contract is one fact.
 * The contracts module calls `putContractFact` in the same transaction that certifies or amends a
 * contract (the fact replaces the contract's previous one) and `dropContractFact` when a
 * certification is cancelled. Statistics reads only facts, never the contracts tables.
 *
 * (Interface agreed between the contracts and statistics modules; the statistics module implements it.)
 */
export interface ContractParty {
  organizationId: string | null;
  name: string;
  /** common/roles.ts ORGANIZATION_TYPES, or 'individual' / 'other'. */
  organizationType: string;
  /** GB/T 2260 code (6 digits) for a party in China; null abroad. */
  regionCode: string | null;
  /** ISO 3166-1 alpha-2, 'CN' for China. */
  country: string;
}

export interface ContractFact {
  contractId: string;
  registrationNumber: string;
  /** common/api/contracts.ts CONTRACT_TYPES / subtypes (e.g. 'transfer' / 'patent_right'). */
  type: string;
  subtype: string | null;
  fieldCode: string | null;
  /** When the registrar certified it (the statistics period is the certification date, Beijing time). */
  certifiedAt: Date;
  signedOn: string; // YYYY-MM-DD
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  seller: ContractParty;
  buyer: ContractParty;
  /** Registration point (registrar's organisation). */
  registrationOrganizationId: string | null;
  brokerUserId: string | null;
  brokerName: string | null;
  intermediaryOrganizationId: string | null;
  /** Set when the contract came from a platform deal (trading module). */
  dealId: string | null;
}

/** Candidate region codes for a party's code, finest first: itself, its 6-digit district, its prefecture, its province. */
export function regionCandidates(code: string): string[] {
  return [...new Set([code, code.slice(0, 6), `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

/**
 * Where a party is, as a region path: the path of the finest known region of its code (the region
 * tree holds provinces, the platform city's districts and parks), `/abroad/XX/` for a party abroad
 * (Hong Kong, Macao and Taiwan included, as the yearbook's 境外), `/unknown/` for a domestic party
 * without a code.
 */
export function regionPathOf(party: Pick<ContractParty, 'regionCode' | 'country'>, paths: ReadonlyMap<string, string>): string {
  const country = (party.country || 'CN').toUpperCase();
  if (country !== 'CN') return `/abroad/${country}/`;
  if (!party.regionCode) return '/unknown/';
  for (const c of regionCandidates(party.regionCode)) {
    const p = paths.get(c);
    if (p) return p;
  }
  return '/unknown/';
}

/** The region paths of the given codes' candidates (one small query). */
export async function loadRegionPaths(tx: DbOrTx, codes: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c).flatMap(regionCandidates))];
  if (wanted.length === 0) return new Map();
  const rows = await findRegions(tx, wanted);
  return new Map(rows.map((r) => [r.code, r.path]));
}

/** The stored fact row of a contract fact, given the region paths of its parties. */
export function factRow(fact: ContractFact, paths: ReadonlyMap<string, string>, recordedAt: Date): FactRow {
  const day = localDateOf(fact.certifiedAt);
  const party = (p: ContractParty) => ({
    organizationId: p.organizationId,
    name: p.name,
    organizationType: p.organizationType,
    regionCode: p.regionCode,
    country: (p.country || 'CN').toUpperCase(),
    regionPath: regionPathOf(p, paths),
  });
  const s = party(fact.seller);
  const b = party(fact.buyer);
  return {
    contractId: fact.contractId,
    registrationNumber: fact.registrationNumber,
    type: fact.type,
    subtype: fact.subtype,
    fieldCode: fact.fieldCode,
    certifiedAt: fact.certifiedAt,
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    signedOn: fact.signedOn,
    contractAmountFen: fact.contractAmountFen,
    technologyTransactionAmountFen: fact.technologyTransactionAmountFen,
    sellerOrganizationId: s.organizationId,
    sellerName: s.name,
    sellerOrganizationType: s.organizationType,
    sellerRegionCode: s.regionCode,
    sellerCountry: s.country,
    sellerRegionPath: s.regionPath,
    buyerOrganizationId: b.organizationId,
    buyerName: b.name,
    buyerOrganizationType: b.organizationType,
    buyerRegionCode: b.regionCode,
    buyerCountry: b.country,
    buyerRegionPath: b.regionPath,
    registrationOrganizationId: fact.registrationOrganizationId,
    brokerUserId: fact.brokerUserId,
    brokerName: fact.brokerName,
    intermediaryOrganizationId: fact.intermediaryOrganizationId,
    dealId: fact.dealId,
    recordedAt,
  };
}

/** Every column but the key, from the row being inserted: an amendment replaces the whole fact. */
const EXCLUDED = Object.fromEntries(
  Object.entries(getTableColumns(contractFacts))
    .filter(([prop]) => prop !== 'contractId')
    .map(([prop, col]) => [prop, sql.raw(`excluded."${col.name}"`)]),
);

/** Records (or replaces) the statistics fact of a certified contract, inside the caller's transaction. */
export async function putContractFact(tx: Tx, fact: ContractFact): Promise<void> {
  const paths = await loadRegionPaths(tx, [fact.seller.regionCode, fact.buyer.regionCode]);
  const next = factRow(fact, paths, clock.now());
  const [old] = await tx.select().from(contractFacts).where(eq(contractFacts.contractId, fact.contractId)).for('update');
  await tx.insert(contractFacts).values(next).onConflictDoUpdate({ target: contractFacts.contractId, set: EXCLUDED });
  await applyDeltas(tx, mergeDeltas([...(old ? contributions(old, -1) : []), ...contributions(next, 1)]));
}

/** Removes a contract's fact (certification cancelled), inside the caller's transaction. */
export async function dropContractFact(tx: Tx, contractId: string): Promise<void> {
  const [old] = await tx.delete(contractFacts).where(eq(contractFacts.contractId, contractId)).returning();
  if (old) await applyDeltas(tx, mergeDeltas(contributions(old, -1)));
}

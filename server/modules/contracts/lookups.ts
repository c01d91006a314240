import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { regionsJoinable } from '../organizations/repository.js';
import type { DbOrTx } from '../../db/client.js';
import { contractParties, contracts } from './schema.js';

/** Reads other modules need over registered contracts (they never read contracts' tables themselves). */

const columns = {
  id: contracts.id,
  title: contracts.title,
  type: contracts.type,
  subtype: contracts.subtype,
  registrationNumber: contracts.registrationNumber,
  contractAmountFen: contracts.contractAmountFen,
  technologyTransactionAmountFen: contracts.technologyTransactionAmountFen,
  signedOn: contracts.signedOn,
  dealId: contracts.dealId,
};

async function withBuyers<T extends { id: string }>(db: DbOrTx, rows: T[]): Promise<Array<T & { buyerName: string }>> {
  if (rows.length === 0) return [];
  const buyers = await db
    .select({ contractId: contractParties.contractId, name: contractParties.name })
    .from(contractParties)
    .where(
      and(
        inArray(
          contractParties.contractId,
          rows.map((r) => r.id),
        ),
        eq(contractParties.role, 'buyer'),
      ),
    );
  const names = new Map(buyers.map((b) => [b.contractId, b.name]));
  return rows.map((r) => ({ ...r, buyerName: names.get(r.id) ?? '' }));
}

/**
 * Registered (certified, not cancelled) contracts an organisation signed as the seller with a
 * signing date in [fromDay, toDay) (the annual transformation report's blocks 3 and 4).
 */
export async function registeredContractsSoldBetween(db: DbOrTx, organizationId: string, fromDay: string, toDay: string) {
  const rows = await db
    .select(columns)
    .from(contracts)
    .where(
      and(
        eq(contracts.sellerOrganizationId, organizationId),
        eq(contracts.status, 'certified'),
        gte(contracts.signedOn, fromDay),
        lt(contracts.signedOn, toDay),
      ),
    )
    .orderBy(asc(contracts.signedOn), asc(contracts.id));
  return withBuyers(db, rows);
}

/** Registered (certified) contracts made from these platform deals, whenever they were signed. */
export async function registeredContractsOfDeals(db: DbOrTx, dealIds: string[]) {
  if (dealIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(contracts)
    .where(and(inArray(contracts.dealId, dealIds), eq(contracts.status, 'certified')));
  return withBuyers(db, rows);
}

/**
 * What another module may read of REGISTERED (certified, not cancelled) contracts: the facts a
 * programme paid on registered contracts needs (subsidies), never the application's content.
 */
export interface RegisteredContract {
  id: string;
  registrationNumber: string;
  type: string;
  subtype: string | null;
  title: string;
  /** Certification time (UTC); its Beijing-time year is the registration year. */
  certifiedAt: Date;
  registrationYear: number;
  validFrom: string | null;
  validUntil: string | null;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  sellerOrganizationId: string | null;
  buyerOrganizationId: string | null;
  intermediaryOrganizationId: string | null;
  buyerCountry: string;
  /** Materialised region path of the buyer (`/120000/120116/`), null abroad or unknown. */
  buyerRegionPath: string | null;
}

export type RegisteredContractRole = 'seller' | 'buyer' | 'intermediary';

/**
 * Registered contracts in which the organisation is one of `roles`, certified in `year` (Beijing
 * time) when given, or the ones with these ids; in certification order.
 */
export async function registeredContractsOf(
  db: DbOrTx,
  opts: { organizationId: string; roles: RegisteredContractRole[]; year?: number; ids?: string[] },
): Promise<RegisteredContract[]> {
  if (opts.roles.length === 0 || opts.ids?.length === 0) return [];
  const mid = alias(contractParties, 'intermediary');
  const buyerRegion = regionsJoinable('buyer_region');
  const beijingYear = sql<number>`extract(year FROM (${contracts.certifiedAt} AT TIME ZONE 'UTC' + interval '8 hours'))::int`;
  const roleConditions = opts.roles.map((r) =>
    r === 'seller'
      ? eq(contracts.sellerOrganizationId, opts.organizationId)
      : r === 'buyer'
        ? eq(contracts.buyerOrganizationId, opts.organizationId)
        : eq(mid.organizationId, opts.organizationId),
  );
  const rows = await db
    .select({
      c: contracts,
      intermediaryOrganizationId: mid.organizationId,
      buyerRegionPath: buyerRegion.path,
      registrationYear: beijingYear,
    })
    .from(contracts)
    .leftJoin(mid, and(eq(mid.contractId, contracts.id), eq(mid.role, 'intermediary')))
    .leftJoin(buyerRegion, eq(buyerRegion.code, contracts.buyerRegionCode))
    .where(
      and(
        eq(contracts.status, 'certified'),
        or(...roleConditions),
        opts.year !== undefined ? sql`${beijingYear} = ${opts.year}` : undefined,
        opts.ids ? inArray(contracts.id, opts.ids) : undefined,
      ),
    )
    .orderBy(contracts.certifiedAt, contracts.id);
  return rows.map(({ c, intermediaryOrganizationId, buyerRegionPath, registrationYear }) => ({
    id: c.id,
    registrationNumber: c.registrationNumber!,
    type: c.type,
    subtype: c.subtype,
    title: c.title,
    certifiedAt: c.certifiedAt!,
    registrationYear: Number(registrationYear),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    contractAmountFen: c.contractAmountFen,
    technologyTransactionAmountFen: c.technologyTransactionAmountFen,
    sellerOrganizationId: c.sellerOrganizationId,
    buyerOrganizationId: c.buyerOrganizationId,
    intermediaryOrganizationId,
    buyerCountry: c.buyerCountry,
    buyerRegionPath,
  }));
}

import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
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

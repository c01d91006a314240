import { and, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { contractParties, contracts } from './schema.js';

/**
 * Registered contracts seen from the people and institutions who brokered them — read by the brokers
 * and institutions modules for track records and service records (they never read these tables).
 * Registered = certified and not cancelled. A broker is named on a contract by `broker_user_id`; an
 * institution by being its intermediary party (中介方) or the seller of its own service contract.
 */
export interface RegisteredContractFact {
  id: string;
  title: string;
  type: string;
  registrationNumber: string | null;
  certifiedAt: Date | null;
  signedOn: string;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  brokerUserId: string | null;
  brokerName: string | null;
  dealId: string | null;
  seller: { organizationId: string | null; name: string; organizationType: string };
  buyer: { organizationId: string | null; name: string; organizationType: string };
  intermediaryOrganizationId: string | null;
}

const seller = alias(contractParties, 'seller');
const buyer = alias(contractParties, 'buyer');
const intermediary = alias(contractParties, 'intermediary');

export async function registeredContractFacts(
  db: DbOrTx,
  opts: {
    brokerUserIds?: string[];
    intermediaryOrganizationIds?: string[];
    sellerOrganizationIds?: string[];
    /** Certified at or after / before these instants. */
    certifiedFrom?: Date;
    certifiedBefore?: Date;
    limit?: number;
  },
): Promise<RegisteredContractFact[]> {
  const who: SQL[] = [];
  if (opts.brokerUserIds?.length) who.push(inArray(contracts.brokerUserId, opts.brokerUserIds));
  if (opts.intermediaryOrganizationIds?.length) who.push(inArray(intermediary.organizationId, opts.intermediaryOrganizationIds));
  if (opts.sellerOrganizationIds?.length) who.push(inArray(contracts.sellerOrganizationId, opts.sellerOrganizationIds));
  if (who.length === 0) return [];
  const rows = await db
    .select({
      id: contracts.id,
      title: contracts.title,
      type: contracts.type,
      registrationNumber: contracts.registrationNumber,
      certifiedAt: contracts.certifiedAt,
      signedOn: contracts.signedOn,
      contractAmountFen: contracts.contractAmountFen,
      technologyTransactionAmountFen: contracts.technologyTransactionAmountFen,
      brokerUserId: contracts.brokerUserId,
      brokerName: contracts.brokerName,
      dealId: contracts.dealId,
      sellerOrganizationId: seller.organizationId,
      sellerName: seller.name,
      sellerType: seller.organizationType,
      buyerOrganizationId: buyer.organizationId,
      buyerName: buyer.name,
      buyerType: buyer.organizationType,
      intermediaryOrganizationId: intermediary.organizationId,
    })
    .from(contracts)
    .innerJoin(seller, and(eq(seller.contractId, contracts.id), eq(seller.role, 'seller')))
    .innerJoin(buyer, and(eq(buyer.contractId, contracts.id), eq(buyer.role, 'buyer')))
    .leftJoin(intermediary, and(eq(intermediary.contractId, contracts.id), eq(intermediary.role, 'intermediary')))
    .where(
      and(
        eq(contracts.status, 'certified'),
        or(...who),
        opts.certifiedFrom ? gte(contracts.certifiedAt, opts.certifiedFrom) : undefined,
        opts.certifiedBefore ? lt(contracts.certifiedAt, opts.certifiedBefore) : undefined,
      ),
    )
    .orderBy(contracts.certifiedAt)
    .limit(opts.limit ?? 10_000);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    registrationNumber: r.registrationNumber,
    certifiedAt: r.certifiedAt,
    signedOn: r.signedOn,
    contractAmountFen: r.contractAmountFen,
    technologyTransactionAmountFen: r.technologyTransactionAmountFen,
    brokerUserId: r.brokerUserId,
    brokerName: r.brokerName,
    dealId: r.dealId,
    seller: { organizationId: r.sellerOrganizationId, name: r.sellerName, organizationType: r.sellerType },
    buyer: { organizationId: r.buyerOrganizationId, name: r.buyerName, organizationType: r.buyerType },
    intermediaryOrganizationId: r.intermediaryOrganizationId,
  }));
}

/** Whether a contract (any status) names this user as its broker, with its deal — for conflict-of-interest declarations. */
export async function contractNamingBroker(
  db: DbOrTx,
  contractId: string,
  brokerUserId: string,
): Promise<{ id: string; title: string; dealId: string | null; status: string } | null> {
  const [row] = await db
    .select({ id: contracts.id, title: contracts.title, dealId: contracts.dealId, status: contracts.status })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.brokerUserId, brokerUserId)));
  return row ?? null;
}

import type { ContractFact, ContractParty } from '../statistics/facts.js';
import type { LoadedContract, PartyRow } from './records.js';

const party = (p: PartyRow): ContractParty => ({
  organizationId: p.organizationId,
  name: p.name,
  organizationType: p.organizationType,
  regionCode: p.country === 'CN' ? p.regionCode : null,
  country: p.country,
});

/** The statistics fact of a certified contract (its current version). */
export function contractFactOf(c: LoadedContract): ContractFact {
  const r = c.row;
  if (!r.registrationNumber || !r.certifiedAt) throw new Error(`contract ${r.id} is not registered`);
  return {
    contractId: r.id,
    registrationNumber: r.registrationNumber,
    type: r.type,
    subtype: r.subtype,
    fieldCode: r.fieldCode,
    certifiedAt: r.certifiedAt,
    signedOn: r.signedOn,
    contractAmountFen: r.contractAmountFen,
    technologyTransactionAmountFen: r.technologyTransactionAmountFen,
    seller: party(c.parties.seller),
    buyer: party(c.parties.buyer),
    registrationOrganizationId: r.registrationOrganizationId,
    brokerUserId: r.brokerUserId,
    brokerName: r.brokerName,
    intermediaryOrganizationId: c.parties.intermediary?.organizationId ?? null,
    dealId: r.dealId,
  };
}

import type { Tx } from '../../db/client.js';

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

/** Records (or replaces) the statistics fact of a certified contract, inside the caller's transaction. */
export async function putContractFact(_tx: Tx, _fact: ContractFact): Promise<void> {
  // Implemented by the statistics module.
}

/** Removes a contract's fact (certification cancelled), inside the caller's transaction. */
export async function dropContractFact(_tx: Tx, _contractId: string): Promise<void> {
  // Implemented by the statistics module.
}

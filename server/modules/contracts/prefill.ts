/** A trading deal pre-fills a registration application (the seller applies). */
import type { z } from 'zod';
import type { ContractPrefill, PartyInput } from '../../../common/api/contracts.js';
import type { TransferMode } from '../../../common/catalog.js';
import { CONTRACT_TYPE_LABELS, type ContractSubtype, type ContractType } from '../../../common/contracts.js';
import type { Db } from '../../db/client.js';
import { findOrganizations } from '../organizations/repository.js';
import { organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { findDealForContract } from '../trading/deals.js';
import { APPLICANT_ROLES } from './policy.js';

/** The contract type a transfer mode becomes; a null subtype is left for the applicant to choose. */
export const TYPE_OF_MODE: Record<TransferMode, { type: ContractType; subtype: ContractSubtype | null }> = {
  transfer: { type: 'transfer', subtype: null },
  license_exclusive: { type: 'license', subtype: null },
  license_sole: { type: 'license', subtype: null },
  license_ordinary: { type: 'license', subtype: null },
  equity: { type: 'transfer', subtype: null },
  joint_development: { type: 'development', subtype: 'cooperative' },
  technical_service: { type: 'service', subtype: 'general' },
};

export async function prefillFromDeal(opts: { db: Db; actor: Actor; dealId: string }): Promise<z.infer<typeof ContractPrefill>> {
  requirePermission(opts.actor, 'contract:apply');
  const deal = await findDealForContract(opts);
  if (!organizationIdsOf(opts.actor, [...APPLICANT_ROLES]).includes(deal.sellerOrganizationId))
    throw AppError.forbidden('The seller’s organisation applies to register the contract of a deal');
  const orgs = await findOrganizations(opts.db, [deal.sellerOrganizationId, deal.buyerOrganizationId]);
  const party = (id: string): PartyInput => {
    const o = orgs.find((x) => x.id === id)!;
    return {
      name: o.name,
      creditCode: o.creditCode,
      organizationId: o.id,
      organizationType: o.type as PartyInput['organizationType'],
      regionCode: o.regionCode,
      country: 'CN',
    };
  };
  const kind = TYPE_OF_MODE[deal.transferMode as TransferMode] ?? { type: 'transfer', subtype: null };
  const missing = ['subject', 'signedOn', 'signed contract scan (attachments)'];
  if (!kind.subtype) missing.unshift('subtype');
  return {
    dealId: deal.dealId,
    input: {
      type: kind.type,
      subtype: kind.subtype,
      title: `${deal.title}${CONTRACT_TYPE_LABELS[kind.type].zh}合同`,
      fieldCode: deal.fieldCode,
      seller: party(deal.sellerOrganizationId),
      buyer: party(deal.buyerOrganizationId),
      contractAmountFen: deal.priceFen,
      nonTechnicalCosts: [],
      payments: [],
      dealId: deal.dealId,
    },
    missing,
  };
}

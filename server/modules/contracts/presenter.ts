import type { ContractSummary, ContractView } from '../../../common/api/contracts.js';
import {
  computeAmounts,
  DEDUCTED_COST_KINDS,
  vatExemption,
  type ContractStatus,
  type ContractType,
  type CostItemKind,
  type RefusalReason,
} from '../../../common/contracts.js';
import type { Actor } from '../../lib/actor.js';
import { localDateOf, workingDaysBetween, deadlineIsEstimated } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { contractActions, type ContractFacts } from './policy.js';
import { factsOf, type LoadedContract, type PartyRow } from './records.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Working days from today to the deadline day (negative once past), and whether it is overdue; only while submitted. */
export function deadlineInfo(
  status: string,
  deadlineAt: Date | null,
  now: Date = clock.now(),
): { workingDaysLeft: number | null; overdue: boolean } {
  if (status !== 'submitted' || !deadlineAt) return { workingDaysLeft: null, overdue: false };
  // The deadline instant is the close of its day, i.e. the next day's 00:00 Beijing time.
  const deadlineDay = localDateOf(new Date(deadlineAt.getTime() - 1));
  const today = localDateOf(now);
  const left = today <= deadlineDay ? workingDaysBetween(today, deadlineDay) : -workingDaysBetween(deadlineDay, today);
  return { workingDaysLeft: left === 0 ? 0 : left /* never -0 */, overdue: now.getTime() >= deadlineAt.getTime() };
}

function presentParty(p: PartyRow | null) {
  if (!p) return null;
  return {
    name: p.name,
    creditCode: p.creditCode,
    organizationId: p.organizationId,
    organizationType: p.organizationType,
    regionCode: p.regionCode,
    regionName: p.regionName,
    country: p.country,
    address: p.address,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
  };
}

/** The contract's content and amounts, without the caller's actions (also the version snapshot). */
export function presentContent(c: LoadedContract, now: Date = clock.now()): Omit<ContractView, 'actions'> {
  const r = c.row;
  const computed = computeAmounts({
    contractAmountFen: r.contractAmountFen,
    nonTechnicalCosts: c.costs.map((x) => ({ kind: x.kind as CostItemKind, amountFen: x.amountFen })),
  }).amounts;
  const er = r.expertReview;
  return {
    id: r.id,
    status: r.status as ContractStatus,
    version: r.version,
    source: r.source,
    type: r.type as ContractType,
    subtype: r.subtype,
    title: r.title,
    subject: r.subject,
    fieldCode: r.fieldCode,
    fieldName: c.fieldName,
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    ipInvolved: r.ipInvolved,
    technologyImport: r.sellerCountry !== 'CN',
    seller: presentParty(c.parties.seller)!,
    buyer: presentParty(c.parties.buyer)!,
    intermediary: presentParty(c.parties.intermediary),
    broker: r.brokerName ? { userId: r.brokerUserId, name: r.brokerName } : null,
    dealId: r.dealId,
    applicant: c.applicant,
    registrationPoint: {
      id: c.registrationPoint.id,
      name: c.registrationPoint.name,
      regionCode: c.registrationPoint.regionCode,
      regionName: c.registrationPoint.regionName,
    },
    amounts: {
      contractAmountFen: r.contractAmountFen,
      nonTechnicalCostsFen: r.nonTechnicalCostsFen,
      technicalCarrierFen: r.technicalCarrierFen,
      computedTechnologyTransactionAmountFen: computed.computedTechnologyTransactionAmountFen,
      adjustmentFen: r.adjustmentFen,
      adjustmentReason: r.adjustmentReason,
      technologyTransactionAmountFen: r.technologyTransactionAmountFen,
    },
    nonTechnicalCosts: c.costs.map((x) => ({
      kind: x.kind as CostItemKind,
      description: x.description,
      amountFen: x.amountFen,
      note: x.note,
      deducted: DEDUCTED_COST_KINDS.includes(x.kind as CostItemKind),
    })),
    payments: c.payments.map((p) => ({ dueOn: p.dueOn, amountFen: p.amountFen, condition: p.condition })),
    relatedServicesInvoicedTogether: r.relatedServicesInvoicedTogether,
    vatExemption: vatExemption(r.type as ContractType, r.relatedServicesInvoicedTogether),
    attachments: c.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      url: a.url ?? `/api/contracts/${r.id}/attachments/${a.id}`,
      createdAt: a.createdAt.toISOString(),
    })),
    review: {
      submittedAt: iso(r.submittedAt),
      deadlineAt: r.status === 'submitted' ? iso(r.deadlineAt) : null,
      workingDays: r.reviewWorkingDays,
      ...deadlineInfo(r.status, r.deadlineAt, now),
      deadlineEstimated: r.status === 'submitted' && deadlineIsEstimated(r.deadlineAt),
      expertReviewRequired: r.expertReviewRequired,
      expertReview: er
        ? {
            experts: er.experts,
            opinion: er.opinion,
            conclusion: er.conclusion,
            recordedAt: er.recordedAt,
            panelId: er.panelId ?? null,
            mean: er.mean ?? null,
          }
        : null,
      note: r.reviewNote,
      refusalReason: (r.refusalReason as RefusalReason | null) ?? null,
      reviewedAt: iso(r.reviewedAt),
    },
    registration:
      r.registrationNumber && r.certifiedAt
        ? {
            number: r.registrationNumber,
            certifiedAt: r.certifiedAt.toISOString(),
            cancelledAt: iso(r.cancelledAt),
            cancelReason: r.cancelReason,
          }
        : null,
    exportScreening: c.exportScreening,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentContract(c: LoadedContract, actor: Actor): ContractView {
  return { ...presentContent(c), actions: contractActions(actor, factsOf(c)) };
}

/** A list row, as selected by queries.ts. */
export interface SummaryRow {
  id: string;
  status: string;
  version: number;
  type: string;
  subtype: string | null;
  title: string;
  organizationId: string;
  registrationOrganizationId: string;
  applicantName: string;
  sellerName: string;
  buyerName: string;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  registrationPointName: string;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  expertReviewRequired: boolean;
  hasExpertReview: boolean;
  registrationNumber: string | null;
  certifiedAt: Date | null;
  updatedAt: Date;
  regionPaths: string[];
}

export function presentSummary(r: SummaryRow, actor: Actor): ContractSummary {
  const facts: ContractFacts = {
    organizationId: r.organizationId,
    registrationOrganizationId: r.registrationOrganizationId,
    status: r.status as ContractStatus,
    regionPaths: r.regionPaths,
    expertReviewRequired: r.expertReviewRequired,
    hasExpertReview: r.hasExpertReview,
  };
  return {
    id: r.id,
    status: r.status as ContractStatus,
    version: r.version,
    type: r.type as ContractType,
    subtype: r.subtype,
    title: r.title,
    applicantName: r.applicantName,
    sellerName: r.sellerName,
    buyerName: r.buyerName,
    contractAmountFen: r.contractAmountFen,
    technologyTransactionAmountFen: r.technologyTransactionAmountFen,
    registrationPointName: r.registrationPointName,
    submittedAt: iso(r.submittedAt),
    deadlineAt: r.status === 'submitted' ? iso(r.deadlineAt) : null,
    ...deadlineInfo(r.status, r.deadlineAt),
    deadlineEstimated: r.status === 'submitted' && deadlineIsEstimated(r.deadlineAt),
    expertReviewRequired: r.expertReviewRequired,
    registrationNumber: r.registrationNumber,
    certifiedAt: iso(r.certifiedAt),
    updatedAt: r.updatedAt.toISOString(),
    actions: contractActions(actor, facts),
  };
}

import dayjs, { type Dayjs } from 'dayjs';
import type { ContractView } from '../../../../../common/api/contracts';
import type { OrganizationView } from '../../../../../common/api/organizations';
import type { CostItemKind, ContractType } from '../../../../../common/contracts';
import type { IpKind } from '../../../../../common/catalog';
import type { ContractBody } from '../api/create-contract';
import type { Prefill } from '../api/get-contract-prefill';

export interface PartyValues {
  name?: string;
  creditCode?: string | null;
  organizationId?: string | null;
  organizationType?: string;
  regionCode?: string | null;
  country?: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

/** The application form's values: the API body, with dates as dayjs and a few switches of the form's own. */
export interface ContractFormValues {
  /** The applicant organisation, for members of several. */
  organizationId?: string;
  /** Seller abroad: the domestic buyer applies (技术进口). */
  technologyImport: boolean;
  registrationOrganizationId?: string | null;
  type?: ContractType;
  subtype?: string | null;
  title?: string;
  subject?: string;
  fieldCode?: string;
  signedOn?: Dayjs | null;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs | null;
  ipInvolved: { kind: IpKind; number?: string | null; title?: string }[];
  seller: PartyValues;
  buyer: PartyValues;
  hasIntermediary: boolean;
  intermediary?: PartyValues | null;
  hasBroker: boolean;
  broker?: { userId?: string | null; name?: string } | null;
  contractAmountFen?: number | null;
  nonTechnicalCosts: { kind: CostItemKind; description?: string; amountFen?: number | null; note?: string }[];
  relatedServicesInvoicedTogether: boolean;
  payments: { dueOn?: Dayjs | null; amountFen?: number | null; condition?: string }[];
  dealId?: string | null;
}

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const dayString = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The applicant's own organisation as a party of the contract. */
export function ownParty(org: OrganizationView | undefined): PartyValues {
  if (!org) return { country: 'CN' };
  return {
    name: org.name,
    creditCode: org.creditCode,
    organizationId: org.id,
    organizationType: org.type,
    regionCode: org.regionCode,
    country: 'CN',
    address: org.address,
    contactPhone: org.contactPhone,
  };
}

export function emptyValues(org: OrganizationView | undefined): ContractFormValues {
  return {
    organizationId: org?.id,
    technologyImport: false,
    type: 'development',
    subtype: 'commissioned',
    ipInvolved: [],
    seller: ownParty(org),
    buyer: { country: 'CN', organizationType: 'enterprise' },
    hasIntermediary: false,
    hasBroker: false,
    nonTechnicalCosts: [],
    relatedServicesInvoicedTogether: false,
    payments: [],
  };
}

type PartyLike = Partial<Record<keyof PartyValues, unknown>> | null | undefined;
const partyValues = (p: PartyLike): PartyValues => ({ ...(p as PartyValues), country: (p?.country as string | undefined) ?? 'CN' });

/** A saved application (or a certified contract being amended) as form values. */
export function valuesFromView(c: ContractView): ContractFormValues {
  return {
    organizationId: c.applicant.id,
    technologyImport: c.technologyImport,
    registrationOrganizationId: c.registrationPoint.id,
    type: c.type,
    subtype: c.subtype,
    title: c.title,
    subject: c.subject,
    fieldCode: c.fieldCode ?? undefined,
    signedOn: day(c.signedOn),
    validFrom: day(c.validFrom),
    validUntil: day(c.validUntil),
    ipInvolved: c.ipInvolved.map((a) => ({ kind: a.kind as IpKind, number: a.number, title: a.title })),
    seller: partyValues(c.seller),
    buyer: partyValues(c.buyer),
    hasIntermediary: !!c.intermediary,
    intermediary: c.intermediary ? partyValues(c.intermediary) : null,
    hasBroker: !!c.broker,
    broker: c.broker,
    contractAmountFen: c.amounts.contractAmountFen,
    nonTechnicalCosts: c.nonTechnicalCosts.map((i) => ({ kind: i.kind, description: i.description, amountFen: i.amountFen, note: i.note })),
    relatedServicesInvoicedTogether: c.relatedServicesInvoicedTogether,
    payments: c.payments.map((p) => ({ dueOn: day(p.dueOn), amountFen: p.amountFen, condition: p.condition })),
    dealId: c.dealId,
  };
}

/** A trading deal's pre-filled application over the empty form. */
export function valuesFromPrefill(prefill: Prefill, org: OrganizationView | undefined): ContractFormValues {
  const base = emptyValues(org);
  const p = prefill.input;
  return {
    ...base,
    type: p.type ?? base.type,
    subtype: p.subtype ?? (p.type ? null : base.subtype),
    title: p.title,
    subject: p.subject,
    fieldCode: p.fieldCode,
    signedOn: day(p.signedOn),
    validFrom: day(p.validFrom),
    validUntil: day(p.validUntil),
    ipInvolved: (p.ipInvolved ?? []).map((a) => ({ kind: a.kind, number: a.number ?? null, title: a.title })),
    seller: p.seller ? partyValues(p.seller) : base.seller,
    buyer: p.buyer ? partyValues(p.buyer) : base.buyer,
    technologyImport: !!p.seller && p.seller.country !== 'CN',
    hasIntermediary: !!p.intermediary,
    intermediary: p.intermediary ? partyValues(p.intermediary) : null,
    hasBroker: !!p.broker,
    broker: p.broker ?? null,
    contractAmountFen: p.contractAmountFen ?? null,
    nonTechnicalCosts: p.nonTechnicalCosts ?? [],
    relatedServicesInvoicedTogether: p.relatedServicesInvoicedTogether ?? false,
    payments: (p.payments ?? []).map((x) => ({ dueOn: day(x.dueOn), amountFen: x.amountFen, condition: x.condition })),
    registrationOrganizationId: p.registrationOrganizationId ?? undefined,
    dealId: prefill.dealId,
  };
}

function partyBody(p: PartyValues): ContractBody['seller'] {
  const country = (p.country ?? 'CN').toUpperCase();
  const domestic = country === 'CN';
  return {
    name: p.name ?? '',
    creditCode: domestic && p.organizationType !== 'individual' ? text(p.creditCode) : null,
    organizationId: p.organizationId ?? null,
    organizationType: (p.organizationType ?? 'other') as ContractBody['seller']['organizationType'],
    regionCode: domestic ? text(p.regionCode) : null,
    country,
    address: text(p.address),
    contactName: text(p.contactName),
    contactPhone: text(p.contactPhone),
  };
}

/** The form's values as the API body. */
export function toBody(v: ContractFormValues): ContractBody {
  return {
    type: v.type ?? 'development',
    subtype: v.subtype ?? null,
    title: v.title ?? '',
    subject: v.subject ?? '',
    fieldCode: v.fieldCode ?? '',
    signedOn: dayString(v.signedOn) ?? '',
    validFrom: dayString(v.validFrom),
    validUntil: dayString(v.validUntil),
    ipInvolved: (v.ipInvolved ?? []).map((a) => ({ kind: a.kind, number: text(a.number), title: a.title ?? '' })),
    seller: partyBody(v.seller ?? {}),
    buyer: partyBody(v.buyer ?? {}),
    intermediary: v.hasIntermediary && v.intermediary ? partyBody(v.intermediary) : null,
    broker: v.hasBroker && v.broker?.name ? { userId: v.broker.userId ?? null, name: v.broker.name } : null,
    contractAmountFen: v.contractAmountFen ?? 0,
    nonTechnicalCosts: (v.nonTechnicalCosts ?? []).map((i) => ({
      kind: i.kind,
      description: i.description ?? '',
      amountFen: i.amountFen ?? 0,
      note: i.note ?? '',
    })),
    relatedServicesInvoicedTogether: !!v.relatedServicesInvoicedTogether,
    payments: (v.payments ?? []).map((p) => ({ dueOn: dayString(p.dueOn), amountFen: p.amountFen ?? 0, condition: p.condition ?? '' })),
    registrationOrganizationId: v.registrationOrganizationId ?? null,
    dealId: v.dealId ?? null,
  };
}

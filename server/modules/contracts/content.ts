/**
 * From a validated ContractInput to rows: checks the references the schema cannot (technical field,
 * regions, organisations, broker, registration point), takes the applicant's party from the
 * applicant organisation, computes the amounts, and writes parties, cost items and payments.
 */
import { eq } from 'drizzle-orm';
import type { ContractInput, PartyInput } from '../../../common/api/contracts.js';
import { computeAmounts, type PartyRole } from '../../../common/contracts.js';
import type { FieldError } from '../../../common/problems.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { technicalFieldNames } from '../catalog/repository.js';
import { contractCostItems, contractParties, contractPayments, contracts } from './schema.js';
import { findUser, organizationsWithRole } from '../identity/repository.js';
import {
  findOrganizations,
  findRegions,
  organizationsJoinable,
  regionsJoinable,
  type OrganizationRow,
} from '../organizations/repository.js';
import { AppError } from '../../lib/errors.js';

export type Organization = OrganizationRow;

const organizations = organizationsJoinable();
const regions = regionsJoinable();
const registrarOrganizations = organizationsWithRole('registrar', 'registrar_organizations');

export interface RegistrationPoint {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
}

/** Active organisations with at least one registrar: the registration points. */
export async function listRegistrationPointRows(db: DbOrTx): Promise<RegistrationPoint[]> {
  return db
    .selectDistinct({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode, regionName: regions.name })
    .from(organizations)
    .innerJoin(registrarOrganizations, eq(registrarOrganizations.organizationId, organizations.id))
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(eq(organizations.status, 'active'))
    .orderBy(organizations.regionCode, organizations.name);
}

/** The default point for an applicant: one in its district, else the first in the list. */
export function defaultRegistrationPoint(points: RegistrationPoint[], applicantRegionCode: string): RegistrationPoint | null {
  const district = applicantRegionCode.slice(0, 6);
  return points.find((p) => p.regionCode.slice(0, 6) === district) ?? points[0] ?? null;
}

/** Lookups a batch of inputs shares (an import checks thousands of rows against them). */
export interface References {
  fieldCodes: Set<string>;
  regionCodes: Set<string>;
  points: RegistrationPoint[];
}

/** All references (an import), or only those one input names (a single application: no need to read every region). */
export async function loadReferences(db: DbOrTx, input?: ContractInput): Promise<References> {
  const codes = input
    ? [input.seller.regionCode, input.buyer.regionCode, input.intermediary?.regionCode].filter((c): c is string => Boolean(c))
    : null;
  // One statement at a time: `db` may be a transaction's single client.
  const fields = await technicalFieldNames(db, input ? [input.fieldCode] : undefined);
  const regionRows = await findRegions(db, codes ?? undefined);
  const points = await listRegistrationPointRows(db);
  return { fieldCodes: new Set(fields.keys()), regionCodes: new Set(regionRows.map((r) => r.code)), points };
}

/** The side the applicant stands on: the seller, or the domestic buyer when the seller is abroad (technology import). */
export const applicantSide = (input: Pick<ContractInput, 'seller'>): 'seller' | 'buyer' =>
  input.seller.country === 'CN' ? 'seller' : 'buyer';

/**
 * Problems with the input's references, as paths relative to the input (the caller prefixes `body.`
 * or `rows.<n>.`). `point` is the chosen or default registration point when there are none.
 */
export async function referenceIssues(
  db: DbOrTx,
  refs: References,
  input: ContractInput,
  applicant: Organization | null,
  opts: { requirePoint: boolean } = { requirePoint: true },
): Promise<{ issues: FieldError[]; point: RegistrationPoint | null }> {
  const issues: FieldError[] = [];
  if (!refs.fieldCodes.has(input.fieldCode)) issues.push({ field: 'fieldCode', message: 'is not a known technical field' });
  const side = applicantSide(input);
  const own = input[side];
  if (applicant && own.organizationId && own.organizationId !== applicant.id)
    issues.push({
      field: `${side}.organizationId`,
      message: 'must be the applicant organisation (the seller, or the domestic buyer when the seller is abroad)',
    });
  // Without a platform applicant (historical registrations) both sides are checked as given.
  const others: Array<[string, PartyInput]> = applicant
    ? [[side === 'seller' ? 'buyer' : 'seller', input[side === 'seller' ? 'buyer' : 'seller']]]
    : [
        ['seller', input.seller],
        ['buyer', input.buyer],
      ];
  if (input.intermediary) others.push(['intermediary', input.intermediary]);
  const orgIds = others.map(([, p]) => p.organizationId).filter((x): x is string => Boolean(x));
  const known = new Set((await findOrganizations(db, orgIds)).map((o) => o.id));
  for (const [role, p] of others) {
    if (p.regionCode && !refs.regionCodes.has(p.regionCode))
      issues.push({ field: `${role}.regionCode`, message: 'is not a known region code' });
    if (p.organizationId && !known.has(p.organizationId))
      issues.push({ field: `${role}.organizationId`, message: 'is not an organisation on the platform' });
  }
  if (input.broker?.userId) {
    if (!(await findUser(db, input.broker.userId))) issues.push({ field: 'broker.userId', message: 'is not a user on the platform' });
  }
  let point: RegistrationPoint | null = null;
  if (input.registrationOrganizationId) {
    point = refs.points.find((p) => p.id === input.registrationOrganizationId) ?? null;
    if (!point)
      issues.push({ field: 'registrationOrganizationId', message: 'is not a registration point (an active organisation with registrars)' });
  } else if (opts.requirePoint) {
    point = defaultRegistrationPoint(refs.points, applicant?.regionCode ?? '');
    if (!point) issues.push({ field: 'registrationOrganizationId', message: 'no registration point is set up on the platform yet' });
  }
  return { issues, point };
}

/** Throws the issues as one validation problem under `prefix`. */
export function throwIssues(prefix: string, issues: FieldError[]): void {
  if (issues.length === 0) return;
  const fields = issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message }));
  throw new AppError('validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
}

type PartyValues = typeof contractParties.$inferInsert;

function partyValues(contractId: string, role: PartyRole, p: PartyInput, applicant: Organization | null): PartyValues {
  const common = { contractId, role, address: p.address ?? null, contactName: p.contactName ?? null, contactPhone: p.contactPhone ?? null };
  if (applicant) {
    // The applicant's party is the organisation as registered on the platform.
    return {
      ...common,
      name: applicant.name,
      creditCode: applicant.creditCode,
      organizationId: applicant.id,
      organizationType: applicant.type,
      regionCode: applicant.regionCode,
      country: 'CN',
      address: p.address ?? applicant.address,
    };
  }
  const domestic = p.country === 'CN';
  return {
    ...common,
    name: p.name,
    creditCode: p.creditCode || null,
    organizationId: p.organizationId ?? null,
    organizationType: p.organizationType,
    regionCode: domestic ? (p.regionCode ?? null) : null,
    country: p.country,
  };
}

export interface ContentRows {
  columns: Omit<
    typeof contracts.$inferInsert,
    'id' | 'organizationId' | 'status' | 'registrationOrganizationId' | 'registrationRegionCode'
  >;
  parties: PartyValues[];
  costs: Array<typeof contractCostItems.$inferInsert>;
  payments: Array<typeof contractPayments.$inferInsert>;
}

/** The rows of a contract's content; `adjustmentFen` is the registrar's (0 for an application). */
/** `applicant` null: the parties stay as given (a historical registration whose applicant is not on the platform). */
export function contentRows(
  contractId: string,
  input: ContractInput,
  applicant: Organization | null,
  adjustment: { fen: number; reason: string | null } = { fen: 0, reason: null },
): ContentRows {
  const side = applicantSide(input);
  const seller = partyValues(contractId, 'seller', input.seller, side === 'seller' ? applicant : null);
  const buyer = partyValues(contractId, 'buyer', input.buyer, side === 'buyer' ? applicant : null);
  const parties = [seller, buyer];
  if (input.intermediary) parties.push(partyValues(contractId, 'intermediary', input.intermediary, null));
  const { amounts } = computeAmounts({
    contractAmountFen: input.contractAmountFen,
    nonTechnicalCosts: input.nonTechnicalCosts,
    adjustmentFen: adjustment.fen,
  });
  return {
    columns: {
      type: input.type,
      subtype: input.subtype ?? null,
      title: input.title,
      subject: input.subject,
      fieldCode: input.fieldCode,
      signedOn: input.signedOn,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      ipInvolved: input.ipInvolved,
      relatedServicesInvoicedTogether: input.relatedServicesInvoicedTogether,
      sellerOrganizationId: seller.organizationId ?? null,
      sellerRegionCode: seller.regionCode ?? null,
      sellerCountry: seller.country ?? 'CN',
      buyerOrganizationId: buyer.organizationId ?? null,
      buyerRegionCode: buyer.regionCode ?? null,
      buyerCountry: buyer.country ?? 'CN',
      brokerUserId: input.broker?.userId ?? null,
      brokerName: input.broker?.name ?? null,
      dealId: input.dealId ?? null,
      contractAmountFen: amounts.contractAmountFen,
      nonTechnicalCostsFen: amounts.nonTechnicalCostsFen,
      technicalCarrierFen: amounts.technicalCarrierFen,
      adjustmentFen: amounts.adjustmentFen,
      adjustmentReason: adjustment.fen ? adjustment.reason : null,
      technologyTransactionAmountFen: amounts.technologyTransactionAmountFen,
    },
    parties,
    costs: input.nonTechnicalCosts.map((c, position) => ({
      contractId,
      position,
      kind: c.kind,
      description: c.description,
      amountFen: c.amountFen,
      note: c.note,
    })),
    payments: input.payments.map((p, position) => ({
      contractId,
      position,
      dueOn: p.dueOn ?? null,
      amountFen: p.amountFen,
      condition: p.condition,
    })),
  };
}

/** Replaces a contract's parties, cost items and payments (the contract row is written by the caller). */
export async function writeChildRows(tx: Tx, contractId: string, rows: ContentRows, replace: boolean): Promise<void> {
  if (replace) {
    await tx.delete(contractParties).where(eq(contractParties.contractId, contractId));
    await tx.delete(contractCostItems).where(eq(contractCostItems.contractId, contractId));
    await tx.delete(contractPayments).where(eq(contractPayments.contractId, contractId));
  }
  await tx.insert(contractParties).values(rows.parties);
  if (rows.costs.length) await tx.insert(contractCostItems).values(rows.costs);
  if (rows.payments.length) await tx.insert(contractPayments).values(rows.payments);
}

/** The audit view of the content: amounts and the fields a registrar cares about. */
export function auditContent(rows: ContentRows): Record<string, unknown> {
  return {
    ...rows.columns,
    parties: rows.parties.map((p) => ({
      role: p.role,
      name: p.name,
      creditCode: p.creditCode,
      regionCode: p.regionCode,
      country: p.country,
    })),
    nonTechnicalCosts: rows.costs.map((c) => ({ kind: c.kind, amountFen: c.amountFen })),
  };
}

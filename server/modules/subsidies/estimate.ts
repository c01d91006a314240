import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ApplicantRole, Estimate } from '../../../common/api/subsidies.js';
import { computeSubsidy, type SubsidyLine } from '../../../common/subsidies.js';
import type { DbOrTx } from '../../db/client.js';
import { registeredContractsOf, type RegisteredContractRole } from '../contracts/lookups.js';
import { smeQualified } from '../finance/lookups.js';
import { findRegion } from '../organizations/repository.js';
import { activeIntegrityPenalty } from './integrity.js';
import { GRANTED } from './lifecycle.js';
import { CONTRACT_ROLE, contractLineLabel, evaluateContract, roleOn, type ProgrammeRules } from './rules.js';
import { subsidyApplications, subsidyContractPayments, subsidyProgrammes } from './schema.js';

export type ProgrammeRow = typeof subsidyProgrammes.$inferSelect;

const ROLE_ZH: Record<RegisteredContractRole, string> = { seller: '卖方', buyer: '买方', intermediary: '中介方' };

async function rulesOf(db: DbOrTx, p: ProgrammeRow): Promise<ProgrammeRules> {
  const buyerRegion = p.buyerRegionCode ? await findRegion(db, p.buyerRegionCode) : undefined;
  return {
    year: p.year,
    contractTypes: p.contractTypes,
    basis: p.basis as ProgrammeRules['basis'],
    buyerRegionPath: buyerRegion?.path ?? null,
    buyerRegionName: buyerRegion?.name ?? null,
    minLicenceYears: p.minLicenceYears,
  };
}

/** Σ recorded payments (bank voucher + invoice) per contract, whichever party recorded them. */
export async function paidByContract(db: DbOrTx, contractIds: string[]): Promise<Map<string, number>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db
    .select({ contractId: subsidyContractPayments.contractId, paid: sql<string>`sum(${subsidyContractPayments.amountFen})` })
    .from(subsidyContractPayments)
    .where(inArray(subsidyContractPayments.contractId, contractIds))
    .groupBy(subsidyContractPayments.contractId);
  return new Map(rows.map((r) => [r.contractId, Number(r.paid)]));
}

/** What the organisation was already granted under the programme (approved, noticed or paid applications). */
async function alreadyGranted(db: DbOrTx, programmeId: string, organizationId: string, exceptApplicationId?: string) {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${subsidyApplications.approvedFen}), 0)` })
    .from(subsidyApplications)
    .where(
      and(
        eq(subsidyApplications.programmeId, programmeId),
        eq(subsidyApplications.organizationId, organizationId),
        inArray(subsidyApplications.status, [...GRANTED]),
        exceptApplicationId ? ne(subsidyApplications.id, exceptApplicationId) : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

/**
 * The organisation's eligible registered contracts under the programme and the amount, line by line:
 * one line per contract (counted or not, and why), then the tiers, the cap and the total.
 */
export async function computeEstimate(
  db: DbOrTx,
  p: ProgrammeRow,
  org: { id: string; name: string },
  opts: { assumeFullyPaid?: boolean; exceptApplicationId?: string } = {},
): Promise<Estimate> {
  const rules = await rulesOf(db, p);
  const roles = [...new Set((p.applicantRoles as ApplicantRole[]).map((r) => CONTRACT_ROLE[r]))];
  const contracts = await registeredContractsOf(db, { organizationId: org.id, roles, year: p.year });
  const paid = await paidByContract(
    db,
    contracts.map((c) => c.id),
  );
  const blocked: string[] = [];
  if (p.requireSme && !(await smeQualified(db, org.id, p.year))) blocked.push(`未通过 ${p.year} 年度科技型中小企业评价`);
  const penalty = await activeIntegrityPenalty(db, org.id);
  if (penalty) blocked.push(`处于失信惩戒期：${penalty.reason}`);

  const lines: SubsidyLine[] = [];
  const evaluated = contracts.map((c) => {
    const e = evaluateContract(rules, c, paid.get(c.id) ?? 0, opts.assumeFullyPaid);
    const role = roleOn(c, org.id)!;
    lines.push({
      kind: e.eligible ? 'contract' : 'excluded',
      label: `[${ROLE_ZH[role]}] ${contractLineLabel(c, e, rules.basis)}`,
      amountFen: e.eligible ? e.baseFen : null,
      contractId: c.id,
      registrationNumber: c.registrationNumber,
    });
    return { c, e, role };
  });
  const eligible = evaluated.filter((x) => x.e.eligible);
  const baseFen = eligible.reduce((s, x) => s + x.e.baseFen, 0);
  const granted = await alreadyGranted(db, p.id, org.id, opts.exceptApplicationId);
  const calc = computeSubsidy(p.schedule, baseFen, granted);
  let amountFen = calc.amountFen;
  lines.push(...calc.lines);
  if (blocked.length > 0) {
    lines.push({ kind: 'total', label: `不得申报：${blocked.join('；')}`, amountFen: 0 });
    amountFen = 0;
  }
  return {
    programmeId: p.id,
    organizationId: org.id,
    organizationName: org.name,
    year: p.year,
    eligibleContracts: blocked.length > 0 ? 0 : eligible.length,
    baseFen,
    amountFen,
    alreadyGrantedFen: granted,
    simulated: !!opts.assumeFullyPaid,
    blocked,
    contracts: evaluated.map(({ c, e, role }) => ({
      contractId: c.id,
      registrationNumber: c.registrationNumber,
      title: c.title,
      type: c.type,
      role,
      technologyTransactionAmountFen: c.technologyTransactionAmountFen,
      paidFen: e.paidFen,
      baseFen: e.baseFen,
      eligible: e.eligible,
      reasons: e.reasons,
    })),
    lines,
  };
}

import type { ApplicantRole } from '../../../common/api/subsidies.js';
import { formatFen } from '../../../common/subsidies.js';
import type { RegisteredContract, RegisteredContractRole } from '../contracts/lookups.js';

/**
 * Which registered contracts a programme counts, and on what amount (pure; the estimate and the
 * application run it over contracts read through contracts' `registeredContractsOf`).
 */
export interface ProgrammeRules {
  year: number;
  contractTypes: string[];
  basis: 'paid' | 'registered';
  buyerRegionPath: string | null;
  buyerRegionName: string | null;
  minLicenceYears: number | null;
}

/** The applicant's role in the programme → its party on the contract (an institution or a broker is the intermediary). */
export const CONTRACT_ROLE: Record<ApplicantRole, RegisteredContractRole> = {
  seller: 'seller',
  buyer: 'buyer',
  institution: 'intermediary',
  broker: 'intermediary',
};

export function roleOn(c: RegisteredContract, organizationId: string): RegisteredContractRole | null {
  if (c.sellerOrganizationId === organizationId) return 'seller';
  if (c.buyerOrganizationId === organizationId) return 'buyer';
  if (c.intermediaryOrganizationId === organizationId) return 'intermediary';
  return null;
}

/** Is `until` at least `years` after `from` (a term from 2023-01-01 to 2025-12-31 is 3 years)? */
export function termAtLeast(from: string, until: string, years: number): boolean {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${until}T00:00:00Z`);
  const need = new Date(start);
  need.setUTCFullYear(need.getUTCFullYear() + years);
  need.setUTCDate(need.getUTCDate() - 1);
  return end.getTime() >= need.getTime();
}

export interface ContractEvaluation {
  eligible: boolean;
  paidFen: number;
  baseFen: number;
  reasons: string[];
}

/**
 * One contract under the programme's rules. `paidFen` is what the organisation recorded as paid
 * (bank voucher and invoice); `assumeFullyPaid` (the simulator) counts an unpaid contract as paid in full.
 */
export function evaluateContract(
  rules: ProgrammeRules,
  c: RegisteredContract,
  paidFen: number,
  assumeFullyPaid = false,
): ContractEvaluation {
  const reasons: string[] = [];
  if (c.registrationYear !== rules.year) reasons.push(`登记年度 ${c.registrationYear} 不是 ${rules.year}`);
  if (!rules.contractTypes.includes(c.type)) reasons.push(`合同类型不在支持范围`);
  if (rules.buyerRegionPath && !(c.buyerRegionPath ?? '').startsWith(rules.buyerRegionPath))
    reasons.push(`买方不在${rules.buyerRegionName ?? '指定地区'}`);
  if (rules.minLicenceYears !== null && c.type === 'license') {
    if (!c.validFrom || !c.validUntil) reasons.push('许可期限未登记');
    else if (!termAtLeast(c.validFrom, c.validUntil, rules.minLicenceYears)) reasons.push(`许可期限不足 ${rules.minLicenceYears} 年`);
  }
  const cap = c.technologyTransactionAmountFen;
  let base = cap;
  let paid = paidFen;
  if (rules.basis === 'paid') {
    if (paid === 0 && assumeFullyPaid) paid = cap;
    if (paid === 0) reasons.push('未登记到账（银行进账单与发票）');
    base = Math.min(paid, cap);
  }
  const eligible = reasons.length === 0;
  return { eligible, paidFen: paid, baseFen: eligible ? base : 0, reasons };
}

export function contractLineLabel(c: RegisteredContract, e: ContractEvaluation, basis: 'paid' | 'registered'): string {
  const head = `${c.registrationNumber}「${c.title}」`;
  if (!e.eligible) return `${head} 不计入：${e.reasons.join('；')}`;
  if (basis === 'registered') return `${head} 技术交易额 ${formatFen(c.technologyTransactionAmountFen)} 计入`;
  const capped = e.paidFen > c.technologyTransactionAmountFen ? `（到账 ${formatFen(e.paidFen)}，以技术交易额为限）` : '';
  return `${head} 实际到账 ${formatFen(e.baseFen)} 计入${capped}`;
}

import { NATIONAL_RULE, REGIONAL_RULES, type DistributionRoute, type ShareRule } from './parameters.js';

/**
 * The pure rules of income distribution, in integer fen and basis points (1 % = 100 bp). BigInt
 * inside: ¥1 trillion × 10 000 bp passes 2^53.
 */

/** A region code's ancestors by the national division code (GB/T 2260): park → district → city → province. */
export function regionCodeChain(code: string): string[] {
  if (!/^\d{6}(\d{2})?$/.test(code)) return [];
  const chain: string[] = [code];
  let c = code.length === 8 ? code.slice(0, 6) : code;
  if (c !== code) chain.push(c);
  if (c.slice(4) !== '00') chain.push((c = `${c.slice(0, 4)}00`));
  if (c.slice(2) !== '0000') chain.push(`${c.slice(0, 2)}0000`);
  return chain;
}

/** The rule in force in a region: its own, else the nearest ancestor's, else the nation's. */
export function ruleFor(regionCode: string, rules: Record<string, ShareRule> = REGIONAL_RULES): ShareRule & { regionCode: string | null } {
  for (const code of regionCodeChain(regionCode)) {
    const rule = rules[code];
    if (rule) return { ...rule, regionCode: code };
  }
  return { ...NATIONAL_RULE, regionCode: null };
}

/** The team's share: at least the floor, so it rounds up to the fen (the law says 不低于). */
export function teamShare(netIncomeFen: number, bp: number): number {
  if (!Number.isSafeInteger(netIncomeFen)) throw new RangeError('net income must be a whole number of fen');
  if (netIncomeFen <= 0) return 0;
  const n = BigInt(netIncomeFen) * BigInt(bp);
  return Number((n + 9999n) / 10000n);
}

/** Percent (up to two decimals) → basis points; null when it has more decimals. */
export function pctToBp(pct: number): number | null {
  const bp = Math.round(pct * 100);
  return Math.abs(bp - pct * 100) < 1e-6 ? bp : null;
}

/**
 * Splits `pool` fen by weights with the largest-remainder method: each gets the floor of its exact
 * share, and the fen left over go one each to the largest remainders (ties: the earlier listed).
 * The parts always sum to `pool`.
 */
export function splitLargestRemainder(pool: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(pool) || pool < 0) throw new RangeError('pool must be a non-negative whole number of fen');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const total = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (total === 0n) {
    if (pool === 0) return weights.map(() => 0);
    throw new RangeError('weights must not all be zero');
  }
  const P = BigInt(pool);
  const floors = weights.map((w) => (P * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (P * BigInt(w)) % total }));
  let left = Number(P - floors.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = floors.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

export interface InventorShareInput {
  name: string;
  contributionPct: number;
  mainContributor?: boolean;
}

export type ShareProblem = { field: string; message: string };

/** Contributions must be positive, with at most two decimals, and add up to exactly 100 %. */
export function checkContributions(inventors: readonly InventorShareInput[], path = 'inventors'): ShareProblem | null {
  if (inventors.length === 0) return { field: path, message: 'name at least one inventor' };
  let sum = 0;
  for (const [i, inv] of inventors.entries()) {
    const bp = pctToBp(inv.contributionPct);
    if (bp === null || bp <= 0 || bp > 10000)
      return { field: `${path}.${i}.contributionPct`, message: 'must be above 0 and at most 100, with at most two decimals' };
    sum += bp;
  }
  if (sum !== 10000) return { field: path, message: `contributions add up to ${sum / 100}%, not 100%` };
  return null;
}

export interface Split {
  teamShareFen: number;
  teamShareBp: number;
  perInventor: { name: string; amountFen: number }[];
}

/** The team's share of a net income and its split among inventors by contribution. */
export function computeSplit(input: { netIncomeFen: number; bp: number; inventors: readonly InventorShareInput[] }): Split {
  const teamShareFen = teamShare(input.netIncomeFen, input.bp);
  const amounts = splitLargestRemainder(
    teamShareFen,
    input.inventors.map((i) => pctToBp(i.contributionPct) ?? 0),
  );
  return {
    teamShareFen,
    teamShareBp: input.bp,
    perInventor: input.inventors.map((inv, i) => ({ name: inv.name, amountFen: amounts[i]! })),
  };
}

/**
 * When the organisation's rule says main contributors (主要贡献人员) get at least `minBp` of the
 * team's pool: do they? Null when it holds (or there is no such rule).
 */
export function checkMainContributors(
  inventors: readonly InventorShareInput[],
  amounts: readonly number[],
  pool: number,
  minBp: number | null,
): ShareProblem | null {
  if (minBp === null || pool === 0) return null;
  if (!inventors.some((i) => i.mainContributor)) return { field: 'inventors', message: 'mark the main contributors (主要贡献人员)' };
  const main = inventors.reduce((s, inv, i) => s + (inv.mainContributor ? amounts[i]! : 0), 0);
  if (BigInt(main) * 10000n < BigInt(pool) * BigInt(minBp))
    return {
      field: 'inventors',
      message: `main contributors receive ${((main / pool) * 100).toFixed(2)}% of the team's pool; the organisation's rule asks for at least ${minBp / 100}%`,
    };
  return null;
}

/** Net income = income received − deductible costs; may be negative (then nothing is distributed). */
export function netIncome(receiptsFen: readonly number[], costsFen: readonly number[]): number {
  return receiptsFen.reduce((a, b) => a + b, 0) - costsFen.reduce((a, b) => a + b, 0);
}

export const ROUTE_FORM: Record<DistributionRoute, 'cash' | 'equity'> = {
  transfer: 'cash',
  licence: 'cash',
  equity: 'equity',
  self_implementation: 'cash',
};

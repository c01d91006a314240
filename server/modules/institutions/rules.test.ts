import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../common/api/institutions.js';
import { allPassed, checkThresholds, DEFAULT_THRESHOLDS, fullYearsBetween, titleAfterYear, type Figures } from './rules.js';

/** An institution that meets every default threshold exactly at its boundary. */
function atBoundary(): Figures {
  const f = (value: number | null, origin: 'platform' | 'profile' | 'declared' = 'platform') => ({ value, origin });
  return {
    years_operating: f(2, 'profile'),
    certified_brokers: f(1),
    full_time_staff: f(3, 'profile'),
    deals_last_year: f(3),
    income_last_year_fen: f(30_000_000, 'declared'),
    contract_amount_last_year_fen: f(300_000_000),
    complaints_last_2_years: f(0, 'declared'),
  };
}
const withValue = (metric: Metric, value: number | null): Figures => {
  const f = atBoundary();
  f[metric] = { ...f[metric], value };
  return f;
};
const check = (figures: Figures, key: string) => checkThresholds(DEFAULT_THRESHOLDS, figures).find((c) => c.key === key)!;

describe('demonstration thresholds (defaults, each at its boundary)', () => {
  it('passes every threshold exactly at the boundary, each with its source', () => {
    const checks = checkThresholds(DEFAULT_THRESHOLDS, atBoundary());
    expect(checks.map((c) => [c.key, c.passed])).toEqual([
      ['years_operating', true],
      ['certified_brokers', true],
      ['full_time_staff', true],
      ['deals_last_year', true],
      ['income_or_contracts', true],
      ['no_complaints', true],
    ]);
    for (const c of checks) expect(c.source).toMatch(/宜昌市科技局.*第\d项/);
    expect(allPassed(checks)).toBe(true);
  });

  it.each([
    ['years_operating', 'years_operating', 1],
    ['certified_brokers', 'certified_brokers', 0],
    ['full_time_staff', 'full_time_staff', 2],
    ['deals_last_year', 'deals_last_year', 2],
    ['no_complaints', 'complaints_last_2_years', 1],
  ] as const)('fails %s one step past the boundary (%s = %d) and shows the figure', (key, metric, value) => {
    const c = check(withValue(metric, value), key);
    expect(c.passed).toBe(false);
    expect(c.conditions[0]).toMatchObject({ metric, value, passed: false });
    expect(allPassed(checkThresholds(DEFAULT_THRESHOLDS, withValue(metric, value)))).toBe(false);
  });

  it('income OR contracts: either at its boundary passes, both one fen short fail', () => {
    const incomeOnly = withValue('contract_amount_last_year_fen', 0);
    expect(check(incomeOnly, 'income_or_contracts').passed).toBe(true);
    incomeOnly.income_last_year_fen.value = 29_999_999;
    expect(check(incomeOnly, 'income_or_contracts').passed).toBe(false);

    const contractsOnly = withValue('income_last_year_fen', 0);
    expect(check(contractsOnly, 'income_or_contracts').passed).toBe(true);
    contractsOnly.contract_amount_last_year_fen.value = 299_999_999;
    const c = check(contractsOnly, 'income_or_contracts');
    expect(c.passed).toBe(false);
    expect(c.conditions.map((k) => [k.metric, k.value, k.required])).toEqual([
      ['income_last_year_fen', 0, 30_000_000],
      ['contract_amount_last_year_fen', 299_999_999, 300_000_000],
    ]);
  });

  it('a figure nobody knows (no profile, nothing declared) fails its threshold', () => {
    expect(check(withValue('complaints_last_2_years', null), 'no_complaints').passed).toBe(false);
    expect(check(withValue('years_operating', null), 'years_operating').passed).toBe(false);
  });
});

describe('years operating', () => {
  it.each([
    ['2024-12-08', '2026-12-08', 2],
    ['2024-12-09', '2026-12-08', 1],
    ['2024-12-07', '2026-12-08', 2],
    ['2026-12-08', '2026-12-08', 0],
    ['2024-02-29', '2026-02-28', 2],
    ['2024-02-29', '2026-02-27', 1],
  ])('founded %s, on %s: %d full years', (from, on, years) => {
    expect(fullYearsBetween(from, on)).toBe(years);
  });
});

describe('the title over the years', () => {
  const held = { status: 'held' as const, failingYears: 0, expiresOn: '2029-12-31' };
  it('one failing year is counted, a second in a row loses the title', () => {
    const once = titleAfterYear(held, false, '2027-06-01');
    expect(once).toEqual({ status: 'held', failingYears: 1 });
    expect(titleAfterYear({ ...held, ...once }, false, '2028-06-01')).toEqual({ status: 'lost', failingYears: 2 });
  });
  it('a passing year clears the count', () => {
    expect(titleAfterYear({ ...held, failingYears: 1 }, true, '2028-06-01')).toEqual({ status: 'held', failingYears: 0 });
  });
  it('expires after its term, and a lost title stays lost', () => {
    expect(titleAfterYear(held, true, '2030-01-01')).toEqual({ status: 'expired', failingYears: 0 });
    expect(titleAfterYear({ ...held, status: 'lost', failingYears: 2 }, true, '2028-06-01')).toEqual({ status: 'lost', failingYears: 2 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkContributions,
  checkMainContributors,
  computeSplit,
  netIncome,
  regionCodeChain,
  ruleFor,
  splitLargestRemainder,
  teamShare,
} from './arithmetic.js';

describe('the team share floor', () => {
  it.each([
    // net fen, bp, share: rounds up to the fen so the share is never below the floor
    [100_000_00, 5000, 50_000_00],
    [100_000_00, 7000, 70_000_00],
    [1, 5000, 1], // half a fen → 1 fen (不低于)
    [3, 5000, 2],
    [3, 7000, 3], // 2.1 → 3
    [10, 7000, 7],
    [0, 7000, 0],
    [-500, 7000, 0],
    [999_999_999_99, 5000, 500_000_000_00], // 499 999 999.995 → …000
  ])('%i fen at %i bp → %i fen', (net, bp, share) => {
    expect(teamShare(net, bp)).toBe(share);
    if (net > 0) expect(share * 10000).toBeGreaterThanOrEqual(net * bp);
  });

  it('a share just under the floor would be one fen less: the boundary is exact', () => {
    // 50% of 2 001 fen is 1 000.5: 1 001 meets the floor, 1 000 does not.
    expect(teamShare(2001, 5000)).toBe(1001);
    expect(teamShare(2001, 7000)).toBe(1401); // 1 400.7
    expect(teamShare(2000, 7000)).toBe(1400);
  });
});

describe('the region rule', () => {
  it('walks up park → district → city → province', () => {
    expect(regionCodeChain('12011601')).toEqual(['12011601', '120116', '120100', '120000']);
    expect(regionCodeChain('120116')).toEqual(['120116', '120100', '120000']);
    expect(regionCodeChain('120000')).toEqual(['120000']);
    expect(regionCodeChain('320506')).toEqual(['320506', '320500', '320000']);
    expect(regionCodeChain('abc')).toEqual([]);
  });

  it('Tianjin and its districts use 70%; a province without a rule the national 50%', () => {
    expect(ruleFor('120116')).toMatchObject({ regionCode: '120000', bp: { transfer: 7000, equity: 7000 } });
    expect(ruleFor('12011601').bp.licence).toBe(7000);
    const national = ruleFor('320506');
    expect(national).toMatchObject({ regionCode: null, bp: { transfer: 5000, self_implementation: 500 } });
    expect(national.source).toContain('第四十五条');
  });

  it('a district rule wins over its city’s', () => {
    const rules = {
      '120000': { ...ruleFor('120000'), bp: { transfer: 7000, licence: 7000, equity: 7000, self_implementation: 500 } },
      '120116': { ...ruleFor('120000'), bp: { transfer: 8000, licence: 8000, equity: 8000, self_implementation: 500 }, source: 'district' },
    };
    expect(ruleFor('12011601', rules)).toMatchObject({ regionCode: '120116', source: 'district' });
    expect(ruleFor('120101', rules)).toMatchObject({ regionCode: '120000' });
  });
});

describe('largest-remainder split', () => {
  it('gives leftover fen to the largest remainders, ties to the earlier listed', () => {
    expect(splitLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitLargestRemainder(10, [3333, 3333, 3334])).toEqual([3, 3, 4]);
    expect(splitLargestRemainder(1, [5000, 5000])).toEqual([1, 0]);
    expect(splitLargestRemainder(0, [6000, 4000])).toEqual([0, 0]);
    expect(splitLargestRemainder(7, [6667, 3333])).toEqual([5, 2]); // 4.6669 / 2.3331
  });

  it('always sums exactly to the pool, never differs from the exact share by a fen or more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 1, maxLength: 30 }),
        (pool, weights) => {
          const parts = splitLargestRemainder(pool, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(pool);
          parts.forEach((p, i) => expect(Math.abs(p - (pool * weights[i]!) / total)).toBeLessThan(1 + 1e-6));
        },
      ),
      { seed: 20261208, numRuns: 500 },
    );
  });
});

describe('the split among inventors', () => {
  it('contributions must add up to exactly 100%', () => {
    expect(
      checkContributions([
        { name: '甲', contributionPct: 60 },
        { name: '乙', contributionPct: 40 },
      ]),
    ).toBeNull();
    expect(
      checkContributions([
        { name: '甲', contributionPct: 33.33 },
        { name: '乙', contributionPct: 33.33 },
        { name: '丙', contributionPct: 33.34 },
      ]),
    ).toBeNull();
    expect(
      checkContributions([
        { name: '甲', contributionPct: 60 },
        { name: '乙', contributionPct: 39.99 },
      ]),
    ).toEqual({
      field: 'inventors',
      message: 'contributions add up to 99.99%, not 100%',
    });
    expect(checkContributions([{ name: '甲', contributionPct: 100.5 }])?.field).toBe('inventors.0.contributionPct');
    expect(
      checkContributions([
        { name: '甲', contributionPct: 33.333 },
        { name: '乙', contributionPct: 66.667 },
      ])?.field,
    ).toBe('inventors.0.contributionPct');
    expect(
      checkContributions([
        { name: '甲', contributionPct: 0 },
        { name: '乙', contributionPct: 100 },
      ])?.field,
    ).toBe('inventors.0.contributionPct');
    expect(checkContributions([])?.field).toBe('inventors');
  });

  it('net ¥100 000.01 at 70% among three: the amounts add up to the team share', () => {
    const split = computeSplit({
      netIncomeFen: 10_000_001,
      bp: 7000,
      inventors: [
        { name: '王立新', contributionPct: 50 },
        { name: '李静', contributionPct: 30 },
        { name: '赵明', contributionPct: 20 },
      ],
    });
    expect(split.teamShareFen).toBe(7_000_001); // 7 000 000.7 rounds up
    expect(split.perInventor.map((p) => p.amountFen)).toEqual([3_500_001, 2_100_000, 1_400_000]);
  });

  it('zero or negative net income distributes nothing', () => {
    for (const net of [0, -1_000_00]) {
      const split = computeSplit({ netIncomeFen: net, bp: 5000, inventors: [{ name: '甲', contributionPct: 100 }] });
      expect(split).toMatchObject({ teamShareFen: 0, perInventor: [{ name: '甲', amountFen: 0 }] });
    }
    expect(netIncome([100_000_00], [30_000_00, 80_000_00])).toBe(-10_000_00);
  });

  it('main contributors must get the organisation’s minimum of the pool, when it has one', () => {
    const inventors = [
      { name: '甲', contributionPct: 50, mainContributor: true },
      { name: '乙', contributionPct: 50 },
    ];
    expect(checkMainContributors(inventors, [500, 500], 1000, 5000)).toBeNull(); // exactly 50%
    expect(checkMainContributors(inventors, [499, 501], 1000, 5000)?.field).toBe('inventors');
    expect(checkMainContributors(inventors, [499, 501], 1000, null)).toBeNull();
    expect(checkMainContributors([{ name: '甲', contributionPct: 100 }], [1000], 1000, 5000)?.message).toContain('mark the main');
  });
});

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random.js';
import { planCity, splitAmount, stratify } from './synthetic.js';
import { readYearbook, wanToFen, yearbookFigure } from './yearbook.js';

describe('yearbook amounts are read exactly', () => {
  it.each([
    ['19285572', 19_285_572_000_000],
    ['3885630.992063', 3_885_630_992_063],
    ['6855875.3952161', 6_855_875_395_216],
    ['6855875.3952165', 6_855_875_395_217],
    ['0.5', 500_000],
  ])('%s 万元 → %d fen', (text, fen) => expect(wanToFen(text)).toBe(fen));
});

describe('splitting a total into contract amounts', () => {
  const cases: Array<[string, number, number[], number]> = [
    ['equal weights', 1_000_000, [1, 1, 1], 1000],
    ['a total not divisible into yuan', 1_000_001, [5, 1, 3, 2], 1000],
    ['a floor larger than the average share', 250, [1, 2, 3], 100_000],
    ['one contract', 19_285_572_000_000, [1], 100_000],
    ['skewed weights', 192_855_720_000, [1000, 0.001, 0.5, 7], 100_000],
  ];
  it.each(cases)('%s: sums exactly, never negative', (_name, total, weights, floor) => {
    const parts = splitAmount(total, weights, floor);
    expect(parts).toHaveLength(weights.length);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
  });
});

describe('stratified counterparts', () => {
  it.each([
    [10, [3, 1, 1]],
    [7, [1, 1, 1]],
    [1, [0.2, 0.8]],
    [1000, [5, 0, 3, 2]],
  ])('%d items over %j: the count, each key within one of its share', (n, w) => {
    const out = stratify(
      n,
      w.map((weight, key) => ({ key, weight })),
      createRandom(7),
    );
    expect(out).toHaveLength(n);
    const total = w.reduce((a, b) => a + b, 0);
    w.forEach((weight, key) => expect(Math.abs(out.filter((k) => k === key).length - (n * weight) / total)).toBeLessThan(1));
  });
});

describe('planned contracts of the city', () => {
  const rows = readYearbook();
  // Plans about a million contracts: seconds alone, over the default 20 s on a loaded machine (a runner deadline, not a claim about speed).
  it('match the yearbook exactly on both sides at any scale', { timeout: 120_000 }, () => {
    for (const factor of [1, 10, 37]) {
      const years = factor === 1 ? [2023] : undefined;
      const plan = planCity({ rows, city: '120000', factor, rnd: createRandom(factor), years });
      for (const year of years ?? [2000, 2012, 2023]) {
        for (const side of ['output', 'absorption'] as const) {
          const f = yearbookFigure(rows, '120000', year, side)!;
          const mine = plan.filter((c) => c.year === year && (side === 'output' ? c.seller : c.buyer).where === 'city');
          expect(mine.length, `${factor} ${year} ${side}`).toBe(Math.round(f.contracts! / factor));
          expect(mine.reduce((a, c) => a + c.amountFen, 0)).toBe(Math.round(f.amountFen! / factor));
          for (const c of mine) expect(c.technologyTransactionAmountFen).toBeLessThanOrEqual(c.amountFen);
        }
      }
    }
  });

  it('Tianjin 2023, unscaled: 14,854 contracts, 19,285,572 万元', () => {
    const plan = planCity({ rows, city: '120000', factor: 1, rnd: createRandom(2023), years: [2023] }).filter(
      (c) => c.seller.where === 'city',
    );
    expect(plan).toHaveLength(14_854);
    expect(plan.reduce((a, c) => a + c.amountFen, 0)).toBe(19_285_572 * 1_000_000);
  });

  it('is the same for the same seed', () => {
    const a = planCity({ rows, city: '120000', factor: 50, rnd: createRandom(3) });
    const b = planCity({ rows, city: '120000', factor: 50, rnd: createRandom(3) });
    expect(a).toEqual(b);
  });
});

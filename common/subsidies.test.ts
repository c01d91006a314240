import { describe, expect, it } from 'vitest';
import { computeSubsidy, scheduleProblems, type RateSchedule } from './subsidies.js';

const WAN = 1_000_000; // ¥10,000 in fen
// Henan 2022 example: 2% of the amount paid, capped at ¥1M a year.
const flat: RateSchedule = { tiers: [{ uptoFen: null, basisPoints: 200 }], capFenPerOrganizationYear: 100 * WAN };
// Fuqing example: 0.5% up to ¥30M, 0.3% above, cap ¥1M.
const tiered: RateSchedule = {
  tiers: [
    { uptoFen: 3000 * WAN, basisPoints: 50 },
    { uptoFen: null, basisPoints: 30 },
  ],
  capFenPerOrganizationYear: 100 * WAN,
};

describe('computeSubsidy', () => {
  it.each([
    [0, 0],
    [1, 0], // 0.02 fen rounds down
    [50, 1],
    [1000 * WAN, 20 * WAN],
    [4999 * WAN, 9998 * 10_000], // ¥99.98万
    [5000 * WAN, 100 * WAN], // exactly at the cap
    [5000 * WAN + 100, 100 * WAN], // one yuan above: capped
    [20_000 * WAN, 100 * WAN],
  ])('2 percent capped at ¥1M: base %s fen → %s fen', (baseFen, amount) => {
    expect(computeSubsidy(flat, baseFen).amountFen).toBe(amount);
  });

  it.each([
    [3000 * WAN, 15 * WAN], // the whole first tier: ¥150,000
    [3000 * WAN + 100, 15 * WAN], // ¥1 above: 0.3 fen, rounded down
    [3000 * WAN + 1000, 15 * WAN + 3], // ¥10 above: 3 fen
    [4000 * WAN, 15 * WAN + 3 * WAN], // ¥180,000
    [31_666 * WAN, 15 * WAN + 85_998_000], // 15万 + 0.3% × 28,666万 = 15万 + 85.998万 = 100.998万 (before the cap)
  ])('0.5 percent to ¥30M, 0.3 percent above: base %s → gross %s', (baseFen, gross) => {
    expect(computeSubsidy(tiered, baseFen).grossFen).toBe(gross);
  });

  it('the cap binds exactly where the gross reaches ¥1M and counts what was already granted', () => {
    // 15万 + 0.3% × (x − 3000万) = 100万 ⇔ x = 3000万 + 85万 / 0.3% = 3000万 + 28,333.33万
    const edge = 3000 * WAN + Math.ceil((85 * WAN * 10_000) / 30);
    expect(computeSubsidy(tiered, edge).amountFen).toBe(100 * WAN);
    expect(computeSubsidy(tiered, edge - 1000).amountFen).toBeLessThan(100 * WAN);
    const after = computeSubsidy(tiered, 4000 * WAN, 90 * WAN);
    expect(after.amountFen).toBe(10 * WAN);
    expect(after.lines.map((l) => l.kind)).toEqual(['base', 'tier', 'tier', 'granted', 'cap', 'total']);
    expect(computeSubsidy(tiered, 4000 * WAN, 100 * WAN).amountFen).toBe(0);
  });

  it('lines add up to the amount', () => {
    const r = computeSubsidy(tiered, 40_000 * WAN);
    const sum = r.lines.filter((l) => ['tier', 'cap', 'granted'].includes(l.kind)).reduce((s, l) => s + l.amountFen!, 0);
    expect(sum).toBe(r.amountFen);
  });
});

describe('scheduleProblems', () => {
  it('accepts the examples and refuses unordered tiers, a bounded last tier and broker rates above 1.5%', () => {
    expect(scheduleProblems(flat)).toEqual([]);
    expect(scheduleProblems(tiered)).toEqual([]);
    expect(scheduleProblems({ tiers: [{ uptoFen: 10, basisPoints: 50 }], capFenPerOrganizationYear: null })[0]?.[0]).toBe(
      'tiers.0.uptoFen',
    );
    expect(
      scheduleProblems({
        tiers: [
          { uptoFen: 100, basisPoints: 50 },
          { uptoFen: 50, basisPoints: 50 },
          { uptoFen: null, basisPoints: 50 },
        ],
        capFenPerOrganizationYear: null,
      }).map(([p]) => p),
    ).toEqual(['tiers.1.uptoFen']);
    expect(scheduleProblems({ tiers: [{ uptoFen: null, basisPoints: 150 }], capFenPerOrganizationYear: null }, { broker: true })).toEqual(
      [],
    );
    expect(
      scheduleProblems({ tiers: [{ uptoFen: null, basisPoints: 151 }], capFenPerOrganizationYear: null }, { broker: true }),
    ).toHaveLength(1);
  });
});

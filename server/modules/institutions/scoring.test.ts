import { describe, expect, it } from 'vitest';
import { aggregateTotals, DEMONSTRATION_SHEET, sheetTotal } from './scoring.js';

describe('the demonstration score sheet', () => {
  it('weights 基础条件10 服务绩效30 服务能力30 规范管理20 社会信誉10, summing to 100', () => {
    expect(DEMONSTRATION_SHEET.criteria.map((c) => [c.label, c.weight])).toEqual([
      ['基础条件', 10],
      ['服务绩效', 30],
      ['服务能力', 30],
      ['规范管理', 20],
      ['社会信誉', 10],
    ]);
    expect(DEMONSTRATION_SHEET.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it('totals a sheet, each criterion up to its weight and not above', () => {
    expect(sheetTotal(DEMONSTRATION_SHEET, { basic: 10, performance: 30, capability: 30, management: 20, reputation: 10 })).toBe(100);
    expect(sheetTotal(DEMONSTRATION_SHEET, { basic: 8, performance: 25.5, capability: 24, management: 16, reputation: 9 })).toBe(82.5);
    expect(() => sheetTotal(DEMONSTRATION_SHEET, { basic: 10.5, performance: 0, capability: 0, management: 0, reputation: 0 })).toThrow(
      /basic/,
    );
    expect(() => sheetTotal(DEMONSTRATION_SHEET, { basic: 5, performance: 0, capability: 0, management: 0 })).toThrow(/reputation/);
    expect(() =>
      sheetTotal(DEMONSTRATION_SHEET, { basic: 5, performance: 0, capability: 0, management: 0, reputation: 0, bonus: 3 }),
    ).toThrow(/bonus/);
  });
});

describe('aggregation', () => {
  it('keeps every total below five scorers', () => {
    expect(aggregateTotals([90, 60, 75, 80])).toEqual({ mean: 76.25, used: [60, 75, 80, 90], dropped: [] });
  });
  it('drops the highest and the lowest from five scorers on', () => {
    expect(aggregateTotals([90, 60, 75, 80, 70])).toEqual({ mean: 75, used: [70, 75, 80], dropped: [60, 90] });
    expect(aggregateTotals([88, 88, 70, 70, 79, 79]).dropped).toEqual([70, 88]);
  });
});

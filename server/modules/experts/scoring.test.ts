import { describe, expect, it } from 'vitest';
import { aggregateTotals, DROP_EXTREMES_FROM, SHEETS, sheetOf, sheetTotal } from './scoring.js';

const demo = SHEETS.demonstration_institution!;
const full = (over: Record<string, number> = {}) => ({
  basic_conditions: 8,
  service_performance: 25,
  service_capability: 24,
  management: 16,
  reputation: 9,
  ...over,
});

describe('score sheets', () => {
  it.each(Object.keys(SHEETS))('%s: weights sum to 100, keys unique, source named', (key) => {
    const s = SHEETS[key]!;
    expect(s.key).toBe(key);
    expect(s.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(new Set(s.criteria.map((c) => c.key)).size).toBe(s.criteria.length);
    expect(s.source.length).toBeGreaterThan(10);
  });

  it('the demonstration-institution sheet is the provincial template: 10 / 30 / 30 / 20 / 10', () => {
    expect(demo.criteria.map((c) => [c.label.slice(0, 4), c.weight])).toEqual([
      ['基础条件', 10],
      ['服务绩效', 30],
      ['服务能力', 30],
      ['规范管理', 20],
      ['社会信誉', 10],
    ]);
  });

  it('the disclosure sheet scores patentability, market and readiness', () => {
    expect(SHEETS.disclosure_assessment!.criteria.map((c) => c.key)).toEqual(['patentability', 'market', 'readiness']);
  });

  it('an unknown sheet is a validation error naming the field', () => {
    expect(() => sheetOf('nope')).toThrow(
      expect.objectContaining({ code: 'validation_failed', fields: [expect.objectContaining({ field: 'sheetKey' })] }),
    );
    expect(() => sheetOf('toString')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

describe('sheetTotal', () => {
  it('sums the criteria', () => expect(sheetTotal(demo, full())).toBe(82));

  it('adds tenths without float drift', () => expect(sheetTotal(demo, full({ basic_conditions: 0.1, reputation: 0.2 }))).toBe(65.3));

  it.each(demo.criteria.map((c) => [c.key, c.weight] as const))('%s accepts 0 and its weight %i', (key, weight) => {
    expect(() => sheetTotal(demo, full({ [key]: 0 }))).not.toThrow();
    expect(() => sheetTotal(demo, full({ [key]: weight }))).not.toThrow();
  });

  it.each(demo.criteria.map((c) => [c.key, c.weight] as const))('%s refuses -0.1 and its weight %i + 0.1', (key, weight) => {
    for (const v of [-0.1, weight + 0.1])
      expect(() => sheetTotal(demo, full({ [key]: v }))).toThrow(
        expect.objectContaining({ code: 'validation_failed', fields: [expect.objectContaining({ field: `scores.${key}` })] }),
      );
  });

  it('all zeros and all maxima give 0 and 100', () => {
    expect(sheetTotal(demo, Object.fromEntries(demo.criteria.map((c) => [c.key, 0])))).toBe(0);
    expect(sheetTotal(demo, Object.fromEntries(demo.criteria.map((c) => [c.key, c.weight])))).toBe(100);
  });

  it('refuses a missing criterion, an unknown one, a non-number and hundredths', () => {
    const { reputation: _omit, ...missing } = full();
    expect(() => sheetTotal(demo, missing)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'scores.reputation' })] }),
    );
    expect(() => sheetTotal(demo, full({ extra: 1 }))).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'scores.extra' })] }),
    );
    expect(() => sheetTotal(demo, full({ management: Number.NaN }))).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => sheetTotal(demo, full({ management: 12.25 }))).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

describe('aggregateTotals', () => {
  it('drops nothing below five experts (4 experts: plain mean)', () => {
    expect(DROP_EXTREMES_FROM).toBe(5);
    expect(aggregateTotals([60, 70, 80, 95])).toEqual({ mean: 76.25, used: [60, 70, 80, 95], dropped: [] });
  });

  it('drops the highest and the lowest from five experts', () => {
    expect(aggregateTotals([95, 60, 70, 80, 75])).toEqual({ mean: 75, used: [70, 75, 80], dropped: [60, 95] });
  });

  it('drops one of each even when extremes tie', () => {
    expect(aggregateTotals([90, 90, 80, 70, 70, 85])).toEqual({ mean: 81.25, used: [70, 80, 85, 90], dropped: [70, 90] });
  });

  it('rounds the mean to two decimals', () => expect(aggregateTotals([80, 81, 81]).mean).toBe(80.67));

  it('one expert is their own mean; the threshold is a parameter', () => {
    expect(aggregateTotals([77.5]).mean).toBe(77.5);
    expect(aggregateTotals([60, 70, 90], { dropExtremesFrom: 3 })).toEqual({ mean: 70, used: [70], dropped: [60, 90] });
    expect(aggregateTotals([60, 70], { dropExtremesFrom: 3 }).dropped).toEqual([]);
  });

  it('refuses an empty list', () => expect(() => aggregateTotals([])).toThrow());
});

import { describe, expect, it } from 'vitest';
import {
  computeAmounts,
  CONTRACT_PARAMETER_DEFAULTS,
  CONTRACT_SUBTYPES,
  CONTRACT_TYPES,
  formatRegistrationNumber,
  formatYuan,
  parseRegistrationNumber,
  registrationRegionOf,
  reviewPeriod,
  subtypeFits,
  vatExemption,
  type AmountInput,
  type ContractType,
} from './contracts.js';

const W = 1_000_000; // ¥10,000 (1 万元) in fen

describe('technology transaction amount = contract amount − non-technical costs (± adjustment)', () => {
  const cases: Array<[string, AmountInput, { tta: number; deducted: number; carriers: number } | string[]]> = [
    [
      'no costs: everything is technology',
      { contractAmountFen: 100 * W, nonTechnicalCosts: [] },
      { tta: 100 * W, deducted: 0, carriers: 0 },
    ],
    [
      'equipment, instruments, parts and raw materials are deducted',
      {
        contractAmountFen: 100 * W,
        nonTechnicalCosts: [
          { kind: 'equipment', amountFen: 10 * W },
          { kind: 'instrument', amountFen: 5 * W },
          { kind: 'part', amountFen: 3 * W },
          { kind: 'raw_material', amountFen: 2 * W },
        ],
      },
      { tta: 80 * W, deducted: 20 * W, carriers: 0 },
    ],
    [
      'a reasonable quantity of technical carriers is itemised, not deducted',
      {
        contractAmountFen: 100 * W,
        nonTechnicalCosts: [
          { kind: 'technical_carrier', amountFen: 7 * W },
          { kind: 'equipment', amountFen: 10 * W },
        ],
      },
      { tta: 90 * W, deducted: 10 * W, carriers: 7 * W },
    ],
    [
      'costs equal to the contract amount leave zero',
      { contractAmountFen: 50 * W, nonTechnicalCosts: [{ kind: 'equipment', amountFen: 50 * W }] },
      { tta: 0, deducted: 50 * W, carriers: 0 },
    ],
    [
      'fen are kept exactly',
      { contractAmountFen: 123_456_789, nonTechnicalCosts: [{ kind: 'part', amountFen: 23_456_788 }] },
      { tta: 100_000_001, deducted: 23_456_788, carriers: 0 },
    ],
    [
      'a positive registrar adjustment',
      { contractAmountFen: 100 * W, nonTechnicalCosts: [{ kind: 'equipment', amountFen: 30 * W }], adjustmentFen: 10 * W },
      { tta: 80 * W, deducted: 30 * W, carriers: 0 },
    ],
    [
      'a negative registrar adjustment',
      { contractAmountFen: 100 * W, nonTechnicalCosts: [], adjustmentFen: -25 * W },
      { tta: 75 * W, deducted: 0, carriers: 0 },
    ],
    [
      'one item above the contract amount names that item',
      {
        contractAmountFen: 10 * W,
        nonTechnicalCosts: [
          { kind: 'equipment', amountFen: 1 * W },
          { kind: 'part', amountFen: 1 * W },
          { kind: 'raw_material', amountFen: 11 * W },
        ],
      },
      ['nonTechnicalCosts.2.amountFen'],
    ],
    [
      'a technical carrier above the contract amount is named too',
      { contractAmountFen: 10 * W, nonTechnicalCosts: [{ kind: 'technical_carrier', amountFen: 11 * W }] },
      ['nonTechnicalCosts.0.amountFen'],
    ],
    [
      'deducted items that together exceed the contract amount: the item that tips it',
      {
        contractAmountFen: 10 * W,
        nonTechnicalCosts: [
          { kind: 'equipment', amountFen: 6 * W },
          { kind: 'technical_carrier', amountFen: 6 * W },
          { kind: 'part', amountFen: 6 * W },
        ],
      },
      ['nonTechnicalCosts.2.amountFen'],
    ],
    [
      'an adjustment below zero',
      { contractAmountFen: 10 * W, nonTechnicalCosts: [{ kind: 'equipment', amountFen: 4 * W }], adjustmentFen: -7 * W },
      ['adjustmentFen'],
    ],
    [
      'an adjustment above the contract amount',
      { contractAmountFen: 10 * W, nonTechnicalCosts: [{ kind: 'equipment', amountFen: 4 * W }], adjustmentFen: 5 * W },
      ['adjustmentFen'],
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const { amounts, issues } = computeAmounts(input);
    if (Array.isArray(expected)) {
      expect(issues.map((i) => i.path.join('.'))).toEqual(expected);
      return;
    }
    expect(issues).toEqual([]);
    expect(amounts.technologyTransactionAmountFen).toBe(expected.tta);
    expect(amounts.nonTechnicalCostsFen).toBe(expected.deducted);
    expect(amounts.technicalCarrierFen).toBe(expected.carriers);
    expect(amounts.computedTechnologyTransactionAmountFen + amounts.adjustmentFen).toBe(expected.tta);
    expect(amounts.technologyTransactionAmountFen).toBeLessThanOrEqual(input.contractAmountFen);
  });
});

describe('VAT exemption (财税〔2016〕36号)', () => {
  const cases: Array<[ContractType, boolean, boolean, boolean, RegExp]> = [
    // type, related services on the same invoice, eligible, related services exempt, reason mentions
    ['transfer', false, true, false, /技术转让.*同一张发票/],
    ['transfer', true, true, true, /一并免征/],
    ['development', true, true, true, /技术开发/],
    ['development', false, true, false, /技术开发/],
    ['license', false, true, false, /使用权/],
    ['consulting', true, false, false, /独立的技术咨询/],
    ['service', true, false, false, /技术培训、技术中介/],
  ];
  it.each(cases)('%s (same invoice: %s) → eligible %s, related services %s', (type, together, eligible, related, reason) => {
    const v = vatExemption(type, together);
    expect(v.eligible).toBe(eligible);
    expect(v.relatedServicesExempt).toBe(related);
    expect(v.scope).toBe(eligible ? 'contract' : 'none');
    expect(v.reasonZh).toMatch(reason);
    expect(v.reasonZh).toMatch(/36号/);
    expect(v.reasonEn.length).toBeGreaterThan(20);
  });
});

describe('amounts in 元', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [100, '1.00'],
    [123_456_789, '1,234,567.89'],
    [500_000_000, '5,000,000.00'],
    [-150, '-1.50'],
  ])('%i fen → %s', (fen, yuan) => expect(formatYuan(fen)).toBe(yuan));
});

describe('registration numbers {year}{region}{sequence}', () => {
  it.each([
    [2026, '120116', 1, '2026120116000001'],
    [2026, '120116', 999_999, '2026120116999999'],
    [2023, '120101', 42, '2023120101000042'],
  ])('%i %s #%i → %s and back', (year, region, seq, number) => {
    expect(formatRegistrationNumber(year, region, seq)).toBe(number);
    expect(parseRegistrationNumber(number)).toEqual({ year, regionCode: region, sequence: seq });
  });
  it.each([
    [2026, '12011', 1],
    [2026, '120116', 0],
    [2026, '120116', 1_000_000],
    [26, '120116', 1],
  ])('refuses %i %s #%i', (year, region, seq) => {
    expect(() => formatRegistrationNumber(year, region, seq)).toThrow(RangeError);
  });
  it.each(['', '2026120116', '2026120116000000', '2026-120116-000001', 'A026120116000001'])('does not parse %j', (n) =>
    expect(parseRegistrationNumber(n)).toBeNull(),
  );
  it('uses the district code of a park', () => {
    expect(registrationRegionOf('12011601')).toBe('120116');
    expect(registrationRegionOf('120116')).toBe('120116');
  });
});

describe('review period', () => {
  const p = CONTRACT_PARAMETER_DEFAULTS;
  it.each([
    [0, false, 15],
    [499_999_999, false, 15],
    [500_000_000, true, 30], // ¥5,000,000 exactly: "≥"
    [2_000_000_000, true, 30],
  ])('technology transaction amount %i fen → expert review %s, %i working days', (fen, expert, days) => {
    expect(reviewPeriod(fen, p)).toEqual({ expertReviewRequired: expert, workingDays: days });
  });
  it('follows changed parameters', () => {
    expect(reviewPeriod(100, { reviewWorkingDays: 10, expertReviewWorkingDays: 20, expertReviewThresholdFen: 100 })).toEqual({
      expertReviewRequired: true,
      workingDays: 20,
    });
  });
});

describe('subtypes', () => {
  it('every type takes exactly its own subtypes; consulting takes none', () => {
    for (const type of CONTRACT_TYPES) {
      for (const other of CONTRACT_TYPES) {
        for (const subtype of CONTRACT_SUBTYPES[other]) expect(subtypeFits(type, subtype), `${type}/${subtype}`).toBe(type === other);
      }
      expect(subtypeFits(type, null)).toBe(type === 'consulting');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { SHEETS, sheetTotal } from '../experts/scoring.js';
import { conclusionOf, CONTRACT_REVIEW } from './expert-panel.js';

describe('the contract expert review on the shared scoring engine', () => {
  it('supports from the pass mark of 60, not below', () => {
    expect(CONTRACT_REVIEW.passMark).toBe(60);
    expect(conclusionOf(60)).toBe('supports');
    expect(conclusionOf(59.99)).toBe('does_not_support');
    expect(conclusionOf(100)).toBe('supports');
    expect(conclusionOf(0)).toBe('does_not_support');
  });

  it('scores the contract_registration sheet, whose weights sum to 100', () => {
    const sheet = SHEETS[CONTRACT_REVIEW.sheetKey]!;
    expect(sheet.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(sheetTotal(sheet, { technical_nature: 36, type_and_terms: 18, amount: 27, authenticity: 9 })).toBe(90);
    expect(() => sheetTotal(sheet, { technical_nature: 41, type_and_terms: 18, amount: 27, authenticity: 9 })).toThrow();
  });
});

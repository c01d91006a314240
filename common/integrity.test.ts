import { describe, expect, it } from 'vitest';
import { appealDeadline, penaltyEndsOn, penaltyInForce } from './integrity.js';

describe('a penalty in force', () => {
  const r = { status: 'recorded', effectiveOn: '2026-03-01', endsOn: penaltyEndsOn('2026-03-01', 12) };
  it('ends after its period in months', () => {
    expect(r.endsOn).toBe('2027-03-01');
    expect(penaltyEndsOn('2026-01-31', 1)).toBe('2026-02-28');
  });
  it.each([
    ['the day before it takes effect', '2026-02-28', false],
    ['the day it takes effect', '2026-03-01', true],
    ['its last day', '2027-02-28', true],
    ['the day its period ends', '2027-03-01', false],
  ])('on %s: %s', (_l, day, inForce) => {
    expect(penaltyInForce(r, day)).toBe(inForce);
  });
  it('is never in force once revoked; stays in force while appealed or confirmed', () => {
    expect(penaltyInForce({ ...r, status: 'revoked' }, '2026-06-01')).toBe(false);
    expect(penaltyInForce({ ...r, status: 'under_appeal' }, '2026-06-01')).toBe(true);
    expect(penaltyInForce({ ...r, status: 'confirmed' }, '2026-06-01')).toBe(true);
  });
  it('may be appealed for 60 days from its effective date', () => {
    expect(appealDeadline('2026-03-01')).toBe('2026-04-30');
  });
});

import { describe, expect, it } from 'vitest';
import { accreditationStatus, brokerTransitionAllowed, currentTier } from './lifecycle.js';

const acc = (tier: string, issuedOn: string, expiresOn: string, revoked = false) => ({ tier, issuedOn, expiresOn, revoked });

describe('accreditation', () => {
  it('is valid through its expiry date, expired the day after, revoked when revoked', () => {
    expect(accreditationStatus(acc('junior_broker', '2024-01-01', '2026-12-31'), '2026-12-31')).toBe('valid');
    expect(accreditationStatus(acc('junior_broker', '2024-01-01', '2026-12-31'), '2027-01-01')).toBe('expired');
    expect(accreditationStatus(acc('junior_broker', '2024-01-01', '2026-12-31', true), '2025-01-01')).toBe('revoked');
  });

  it('the tier is the highest valid one; none valid → no tier', () => {
    const list = [
      acc('junior_broker', '2021-01-01', '2030-01-01'),
      acc('senior_manager', '2023-01-01', '2025-12-31'),
      acc('intermediate_broker', '2024-01-01', '2028-01-01'),
    ];
    expect(currentTier(list, '2025-06-01')).toBe('senior_manager');
    expect(currentTier(list, '2026-01-01')).toBe('intermediate_broker');
    expect(currentTier([acc('senior_manager', '2027-01-01', '2030-01-01')], '2026-01-01')).toBeNull();
    expect(currentTier([acc('senior_manager', '2021-01-01', '2030-01-01', true)], '2026-01-01')).toBeNull();
  });
});

describe('registry entry transitions', () => {
  it.each([
    ['suspend', 'active', true],
    ['suspend', 'suspended', false],
    ['reinstate', 'suspended', true],
    ['reinstate', 'active', false],
    ['withdraw', 'active', true],
    ['withdraw', 'suspended', true],
    ['withdraw', 'withdrawn', false],
  ] as const)('%s from %s: %s', (t, from, ok) => {
    expect(brokerTransitionAllowed(t, from)).toBe(ok);
  });
});

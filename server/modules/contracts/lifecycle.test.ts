import { describe, expect, it } from 'vitest';
import { CONTRACT_STATUSES, type ContractStatus } from '../../../common/contracts.js';
import { transitionAllowed, type Party, type TransitionName } from './lifecycle.js';
import { deadlineInfo } from './presenter.js';

/** The transition table written out by hand: [transition, from, party] that are allowed; everything else is not. */
const ALLOWED: Array<[TransitionName, ContractStatus, Party]> = [
  ['submit', 'draft', 'applicant'],
  ['submit', 'returned', 'applicant'],
  ['withdraw', 'draft', 'applicant'],
  ['withdraw', 'submitted', 'applicant'],
  ['withdraw', 'returned', 'applicant'],
  ['return', 'submitted', 'registrar'],
  ['refuse', 'submitted', 'registrar'],
  ['certify', 'submitted', 'registrar'],
  ['amend', 'certified', 'registrar'],
  ['cancel', 'certified', 'registrar'],
];
const NAMES: TransitionName[] = ['submit', 'withdraw', 'return', 'refuse', 'certify', 'amend', 'cancel'];

describe('the contract lifecycle', () => {
  const rows = NAMES.flatMap((name) =>
    CONTRACT_STATUSES.flatMap((status) => (['applicant', 'registrar'] as Party[]).map((party) => [name, status, party] as const)),
  );
  it.each(rows)('%s from %s by %s', (name, status, party) => {
    const expected = ALLOWED.some(([n, s, p]) => n === name && s === status && p === party);
    expect(transitionAllowed(name, status, [party])).toBe(expected);
  });
  it('ends in refused, cancelled and withdrawn', () => {
    for (const status of ['refused', 'cancelled', 'withdrawn'] as ContractStatus[]) {
      for (const name of NAMES) expect(transitionAllowed(name, status, ['applicant', 'registrar', 'system'])).toBe(false);
    }
  });
});

describe('deadline information', () => {
  // Deadline: close of Friday 2026-10-23 Beijing time (= 16:00 UTC).
  const deadline = new Date('2026-10-23T16:00:00Z');
  it.each([
    ['the day before the holiday', '2026-09-30T02:00:00Z', 13, false],
    ['during the National Day holiday (no working days pass)', '2026-10-05T02:00:00Z', 13, false],
    ['the make-up Saturday is a working day: from it, 10 remain', '2026-10-10T02:00:00Z', 10, false],
    ['the last day', '2026-10-23T15:59:59Z', 0, false],
    ['a minute after the close', '2026-10-23T16:01:00Z', 0, true],
    ['the next Monday', '2026-10-26T02:00:00Z', -1, true],
  ])('%s', (_name, now, left, overdue) => {
    expect(deadlineInfo('submitted', deadline, new Date(now))).toEqual({ workingDaysLeft: left, overdue });
  });
  it('says nothing once the application left the queue', () => {
    expect(deadlineInfo('certified', deadline, new Date('2026-11-01T00:00:00Z'))).toEqual({ workingDaysLeft: null, overdue: false });
  });
});

import { describe, expect, it } from 'vitest';
import { isOverdue, serviceTransitionAllowed } from './lifecycle.js';

describe('the service request lifecycle', () => {
  it('lets only the provider quote, decline and deliver, only the requester accept, cancel and rate', () => {
    expect(serviceTransitionAllowed('quote', 'requested', 'provider')).toBe(true);
    expect(serviceTransitionAllowed('quote', 'requested', 'requester')).toBe(false);
    expect(serviceTransitionAllowed('accept', 'quoted', 'requester')).toBe(true);
    expect(serviceTransitionAllowed('accept', 'quoted', 'provider')).toBe(false);
    expect(serviceTransitionAllowed('deliver', 'accepted', 'provider')).toBe(true);
    expect(serviceTransitionAllowed('cancel', 'accepted', 'requester')).toBe(false);
  });

  it('rates only delivered work', () => {
    for (const s of ['requested', 'quoted', 'accepted', 'declined', 'cancelled', 'rated'] as const)
      expect(serviceTransitionAllowed('rate', s, 'requester')).toBe(false);
    expect(serviceTransitionAllowed('rate', 'delivered', 'requester')).toBe(true);
  });

  it('is overdue only after the deadline and only while the provider owes a step', () => {
    const due = new Date('2026-12-10T16:00:00Z');
    expect(isOverdue('requested', due, new Date('2026-12-10T16:00:00Z'))).toBe(false);
    expect(isOverdue('requested', due, new Date('2026-12-10T16:00:01Z'))).toBe(true);
    expect(isOverdue('accepted', due, new Date('2026-12-11T00:00:00Z'))).toBe(true);
    expect(isOverdue('quoted', due, new Date('2026-12-11T00:00:00Z'))).toBe(false);
    expect(isOverdue('requested', null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

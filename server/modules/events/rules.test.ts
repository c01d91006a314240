import { describe, expect, it } from 'vitest';
import { aggregateTotals, ROADSHOW_PITCH, sheetTotal } from './scoring.js';
import {
  placeFor,
  promotable,
  registrationOpen,
  registrationTransitionAllowed,
  signTicket,
  ticketRegistrationId,
  verifyTicket,
  waitlistPlace,
} from './rules.js';

describe('seats and the waiting list', () => {
  it.each([
    [3, 0, 'registered'],
    [3, 2, 'registered'],
    [3, 3, 'waitlisted'],
    [3, 4, 'waitlisted'],
    [1, 0, 'registered'],
    [1, 1, 'waitlisted'],
  ] as const)('capacity %i with %i seated → %s', (capacity, seated, expected) => {
    expect(placeFor(capacity, seated)).toBe(expected);
  });

  it.each([
    [3, 2, 5, 1], // one seat freed, five waiting: one promoted
    [3, 3, 5, 0], // full: nobody
    [5, 2, 1, 1], // three free, one waiting: the one
    [5, 2, 0, 0], // nobody waiting
    [3, 4, 2, 0], // over capacity (capacity lowered): never negative
  ])('capacity %i, %i seated, %i waiting → promote %i', (capacity, seated, waiting, n) => {
    expect(promotable(capacity, seated, waiting)).toBe(n);
  });

  it('numbers places in line from 1, by arrival', () => {
    expect(waitlistPlace(7, [7, 9, 12])).toBe(1);
    expect(waitlistPlace(12, [7, 9, 12])).toBe(3);
  });

  it('opens registration until it closes and never after the start', () => {
    const startsAt = new Date('2026-12-20T01:00:00Z');
    const event = { status: 'published', startsAt, registrationClosesAt: new Date('2026-12-19T10:00:00Z') };
    expect(registrationOpen(event, new Date('2026-12-19T09:59:59Z'))).toBe(true);
    expect(registrationOpen(event, new Date('2026-12-19T10:00:00Z'))).toBe(false);
    expect(registrationOpen({ ...event, registrationClosesAt: startsAt }, new Date('2026-12-20T00:59:59Z'))).toBe(true);
    expect(registrationOpen({ ...event, status: 'cancelled' }, new Date('2026-12-18T00:00:00Z'))).toBe(false);
  });

  it('lets the holder or the organiser cancel, only the organiser check in, only the system promote', () => {
    expect(registrationTransitionAllowed('cancel', 'registered', 'holder')).toBe(true);
    expect(registrationTransitionAllowed('cancel', 'waitlisted', 'organizer')).toBe(true);
    expect(registrationTransitionAllowed('cancel', 'checked_in', 'holder')).toBe(false);
    expect(registrationTransitionAllowed('check_in', 'registered', 'holder')).toBe(false);
    expect(registrationTransitionAllowed('check_in', 'waitlisted', 'organizer')).toBe(false);
    expect(registrationTransitionAllowed('check_in', 'registered', 'organizer')).toBe(true);
    expect(registrationTransitionAllowed('promote', 'waitlisted', 'organizer')).toBe(false);
    expect(registrationTransitionAllowed('promote', 'waitlisted', 'system')).toBe(true);
  });
});

describe('tickets', () => {
  const eventId = '3f1c2b9a-1111-4a2b-8c3d-000000000001';
  const regId = '3f1c2b9a-2222-4a2b-8c3d-000000000002';
  it('verifies a ticket signed with the event key, and nothing else', () => {
    const ticket = signTicket('key-a', eventId, regId);
    expect(ticketRegistrationId(ticket)).toBe(regId);
    expect(verifyTicket('key-a', eventId, ticket)).toBe(true);
    expect(verifyTicket('key-b', eventId, ticket)).toBe(false); // another event's key
    expect(verifyTicket('key-a', '3f1c2b9a-1111-4a2b-8c3d-000000000009', ticket)).toBe(false);
    const forged = `${regId}.${'A'.repeat(22)}`;
    expect(verifyTicket('key-a', eventId, forged)).toBe(false);
    expect(ticketRegistrationId('not a ticket')).toBeNull();
  });
});

describe('the pitch sheet', () => {
  const full = { technology: 30, market: 25, business_model: 20, team: 15, presentation: 10 };
  it('weights sum to 100 and a full sheet totals 100', () => {
    expect(ROADSHOW_PITCH.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(sheetTotal(ROADSHOW_PITCH, full)).toBe(100);
  });
  it('refuses a score above the criterion weight, a missing or unknown criterion', () => {
    expect(() => sheetTotal(ROADSHOW_PITCH, { ...full, team: 16 })).toThrow(/team/);
    const { market: _m, ...missing } = full;
    expect(() => sheetTotal(ROADSHOW_PITCH, missing)).toThrow(/market/);
    expect(() => sheetTotal(ROADSHOW_PITCH, { ...full, luck: 1 })).toThrow(/luck/);
  });
  it('drops the extremes from five judges on', () => {
    expect(aggregateTotals([80, 70, 90, 60])).toEqual({ mean: 75, used: [60, 70, 80, 90], dropped: [] });
    expect(aggregateTotals([80, 70, 90, 60, 100])).toEqual({ mean: 80, used: [70, 80, 90], dropped: [60, 100] });
    expect(sheetTotal(ROADSHOW_PITCH, { ...full, team: 12.5 })).toBe(97.5);
  });
});

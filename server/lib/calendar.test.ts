import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarDayDeadline,
  deadlineIsEstimated,
  isEstimatedDay,
  isKnownYear,
  isWorkingDay,
  localDateOf,
  workingDayDeadline,
  workingDaysBetween,
} from './calendar.js';

describe('calendar', () => {
  it('knows the 2026 National Day holiday and its make-up working day', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-10-11')).toBe(false); // ordinary Sunday
  });

  it.each([
    // start, n, expected: the start day is not counted; weekends and holidays are skipped
    ['2026-09-29', 1, '2026-09-30'],
    ['2026-09-30', 1, '2026-10-08'], // 1–7 Oct off (National Day, incl. a weekend)
    ['2026-09-30', 3, '2026-10-10'], // the make-up Saturday counts
    ['2026-10-09', 2, '2026-10-12'], // …and the Sunday after it does not
    ['2026-11-20', 15, '2026-12-11'],
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween('2026-10-10', '2026-09-30')).toBe(0);
  });

  it('uses the Beijing day: 20:00 UTC is already the next day in Tianjin', () => {
    expect(localDateOf(new Date('2026-11-24T20:00:00Z'))).toBe('2026-11-25');
    // Deadline ends at 24:00 Beijing time = 16:00 UTC.
    expect(workingDayDeadline(new Date('2026-11-24T20:00:00Z'), 1).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(calendarDayDeadline(new Date('2026-11-01T02:00:00Z'), 15).toISOString()).toBe('2026-11-16T16:00:00.000Z');
  });
});

describe('years whose holidays are not published yet', () => {
  it('knows the years chinese-days has notices for, and not the ones after', () => {
    expect(isKnownYear(2025)).toBe(true);
    expect(isKnownYear(2026)).toBe(true);
    // A year without a notice is weekends only (元旦 2027 falls on a Friday and would count as a working day).
    expect(isKnownYear(2100)).toBe(false);
    expect(isEstimatedDay('2026-12-31')).toBe(false);
    expect(isEstimatedDay('2100-01-01')).toBe(true);
  });

  it('flags a deadline counted into an unknown year instead of computing it silently', () => {
    const inKnown = workingDayDeadline(new Date('2026-03-02T02:00:00Z'), 20);
    expect(deadlineIsEstimated(inKnown)).toBe(false);
    const lastKnown = [...Array(100).keys()].map((k) => 2026 + k).find((y) => !isKnownYear(y))!;
    const intoUnknown = workingDayDeadline(new Date(`${lastKnown - 1}-12-20T02:00:00Z`), 20);
    expect(deadlineIsEstimated(intoUnknown)).toBe(true);
    expect(deadlineIsEstimated(null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addLocalDays, endOfLocalDate } from '../../lib/calendar.js';
import { deadlineInfo } from './presenter.js';
import { dueSoonLimit } from './reminders.js';

/** "Within 2 working days" of a deadline, around National Day 2026 (1–7 October off, Sunday 20 September and Saturday 10 October worked). */
const at = (iso: string) => new Date(iso);
const CASES: Array<[now: string, limitDay: string, why: string]> = [
  ['2026-09-29T02:00:00Z', '2026-10-08', 'Tuesday: 30 September and 8 October; the holiday counts for nothing'],
  ['2026-09-30T02:00:00Z', '2026-10-09', 'Wednesday: 8 and 9 October, nine calendar days away'],
  ['2026-10-05T02:00:00Z', '2026-10-09', 'a holiday: the next two working days are 8 and 9 October'],
  ['2026-10-09T02:00:00Z', '2026-10-12', 'Friday: the make-up Saturday 10 October and Monday 12 October'],
  ['2026-09-17T17:00:00Z', '2026-09-21', 'Friday 01:00 in Beijing (still Thursday in UTC): Sunday 20 (worked) and Monday 21 September'],
];

describe('dueSoonLimit', () => {
  it.each(CASES)('at %s the last deadline day within 2 working days is %s (%s)', (now, limitDay) => {
    const limit = dueSoonLimit(at(now));
    expect(endOfLocalDate(limitDay).getTime()).toBeLessThanOrEqual(limit.getTime());
    expect(endOfLocalDate(addLocalDays(limitDay, 1)).getTime()).toBeGreaterThan(limit.getTime());
  });

  it('agrees with the working days left the registrar sees, for every deadline day of two months', () => {
    for (const [now] of CASES) {
      for (let day = '2026-09-01'; day <= '2026-10-31'; day = addLocalDays(day, 1)) {
        const deadline = endOfLocalDate(day);
        const info = deadlineInfo('submitted', deadline, at(now));
        const within = !info.overdue && info.workingDaysLeft! <= 2;
        expect(deadline.getTime() <= dueSoonLimit(at(now)).getTime() && !info.overdue, `${now} → ${day}`).toBe(within);
      }
    }
  });
});

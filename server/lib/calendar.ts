import chineseDays from 'chinese-days';

/**
 * The one calendar: public holidays and make-up working days as data (chinese-days, the State
 * Council's yearly notices), counted in China's local day (UTC+8). Instants are stored in UTC; a
 * "day" here is a Beijing calendar date `YYYY-MM-DD`.
 *
 * Deadlines "within N days" end at the close (24:00 Beijing time) of the Nth day after the start day,
 * as civil-law counting does (民法典 201: the starting day is not counted). Years the library has no
 * notice for yet fall back to Saturdays and Sundays as the only rest days — such a deadline is an
 * estimate, and `isEstimatedDay` / `deadlineIsEstimated` say so, so the UI flags it instead of
 * computing it silently; update chinese-days when the State Council publishes the next arrangement.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

export type LocalDate = string; // YYYY-MM-DD, Beijing time

/** The Beijing calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a Beijing date ends (its 24:00, i.e. the next day's 00:00 +08:00). */
export function endOfLocalDate(day: LocalDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - BEIJING_OFFSET_MS);
}

/** The UTC instant at which a Beijing date begins. */
export function startOfLocalDate(day: LocalDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);
}

export function addLocalDays(day: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A working day: not a weekend unless a make-up day, not a public holiday. */
export function isWorkingDay(day: LocalDate): boolean {
  return chineseDays.isWorkday(day);
}

/** The Nth working day after `day` (the start day itself is not counted). */
export function addWorkingDays(day: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a non-negative integer');
  let current = day;
  let left = n;
  while (left > 0) {
    current = addLocalDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let d = addLocalDays(from, 1); d <= to; d = addLocalDays(d, 1)) if (isWorkingDay(d)) count += 1;
  return count;
}

/** Deadline instant for "within N working days" of an instant: the close of the Nth working day. */
export function workingDayDeadline(start: Date, workingDays: number): Date {
  return endOfLocalDate(addWorkingDays(localDateOf(start), workingDays));
}

/** Deadline instant for "at least N (calendar) days" from an instant: the close of the Nth day after it. */
export function calendarDayDeadline(start: Date, days: number): Date {
  return endOfLocalDate(addLocalDays(localDateOf(start), days));
}

/**
 * Does the holiday data know this year? A year the State Council has published always has a public
 * holiday on a weekday (元旦, 春节, 国庆 …); a year without one is weekends only, i.e. unknown.
 */
const knownYears = new Map<number, boolean>();
export function isKnownYear(year: number): boolean {
  let known = knownYears.get(year);
  if (known === undefined) {
    known = false;
    for (let d = `${year}-01-01`; d <= `${year}-12-31` && !known; d = addLocalDays(d, 1)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && chineseDays.isHoliday(d)) known = true;
    }
    knownYears.set(year, known);
  }
  return known;
}

/** A day whose working-day status is a weekend-only estimate (its year's holidays are not published yet). */
export const isEstimatedDay = (day: LocalDate): boolean => !isKnownYear(Number(day.slice(0, 4)));

/** Was a working-day deadline counted through days the holiday data does not know? */
export function deadlineIsEstimated(deadline: Date | null): boolean {
  return deadline !== null && isEstimatedDay(localDateOf(new Date(deadline.getTime() - 1)));
}

import { ANNUAL_REPORT_PARAMETERS as P } from '../../../common/reports.js';
import { endOfLocalDate, localDateOf, startOfLocalDate } from '../../lib/calendar.js';

/** The filling window of the report on `year`: opens at the start, due at the close (24:00 Beijing) of the parameter dates of the next year. */
export function reportWindow(year: number): { windowOpensAt: Date; dueAt: Date } {
  return {
    windowOpensAt: startOfLocalDate(`${year + 1}-${P.windowOpens.value}`),
    dueAt: endOfLocalDate(`${year + 1}-${P.dueOn.value}`),
  };
}

/** The Beijing calendar year of an instant. */
export const localYearOf = (at: Date): number => Number(localDateOf(at).slice(0, 4));

/** The instant past which a report not handed in becomes an integrity entry. */
export const graceEndsAt = (dueAt: Date): Date => new Date(dueAt.getTime() + P.integrityGraceDays.value * 86400_000);

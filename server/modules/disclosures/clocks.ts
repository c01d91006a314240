import { addLocalDays, endOfLocalDate, localDateOf, type LocalDate } from '../../lib/calendar.js';
import { DISCLOSURE_PARAMETERS as P } from './parameters.js';

/** A date `n` months after `day` (Beijing), the day clamped to the month's end (31 Jan + 1 month → 28/29 Feb). */
export function addLocalMonths(day: LocalDate, n: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The decision is due at the close (24:00 Beijing) of the day N months after the disclosure was complete. */
export function decisionDueAt(completedAt: Date, months: number = P.decisionMonths.value): Date {
  return endOfLocalDate(addLocalMonths(localDateOf(completedAt), months));
}

export interface DisclosureClock {
  kind: 'novelty_grace' | 'planned_publication' | 'paris_priority' | 'decision_due';
  deadline: LocalDate;
  daysLeft: number;
  message: string;
  source: string;
}

const daysBetween = (from: LocalDate, to: LocalDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The clocks a disclosure's dates start: a public disclosure (the earliest of the stated first public
 * disclosure, a past publication and a first offer for sale) starts the novelty grace period; a
 * planned publication must come after filing; a Chinese filing starts the Paris priority year.
 */
export function disclosureClocks(input: {
  today: LocalDate;
  firstPublicDisclosureOn: LocalDate | null;
  firstOfferForSaleOn: LocalDate | null;
  publications: { date: LocalDate; planned: boolean; title: string }[];
  patentFiledOn: LocalDate | null;
}): DisclosureClock[] {
  const out: DisclosureClock[] = [];
  const publicDates = [
    input.firstPublicDisclosureOn,
    input.firstOfferForSaleOn,
    ...input.publications.filter((p) => !p.planned || p.date <= input.today).map((p) => p.date),
  ].filter((d): d is LocalDate => d !== null && d <= input.today);
  const first = publicDates.sort()[0];
  if (first && !input.patentFiledOn) {
    const deadline = addLocalMonths(first, P.graceMonths.value);
    out.push({
      kind: 'novelty_grace',
      deadline,
      daysLeft: daysBetween(input.today, deadline),
      message: `已于 ${first} 公开：宽限期仅适用于法定情形（指定展会、规定的学术会议、他人未经同意泄露等），如适用须在 ${deadline} 前提出中国申请；多数国家和地区无宽限期，境外申请可能已丧失新颖性。`,
      source: P.graceMonths.source,
    });
  }
  if (!input.patentFiledOn) {
    for (const p of input.publications.filter((x) => x.planned && x.date > input.today)) {
      out.push({
        kind: 'planned_publication',
        deadline: addLocalDays(p.date, -1),
        daysLeft: daysBetween(input.today, p.date) - 1,
        message: `计划于 ${p.date} 发表「${p.title}」：如拟申请专利，应在发表前提出申请。`,
        source: P.graceMonths.source,
      });
    }
  }
  if (input.patentFiledOn) {
    const deadline = addLocalMonths(input.patentFiledOn, P.parisPriorityMonths.value);
    out.push({
      kind: 'paris_priority',
      deadline,
      daysLeft: daysBetween(input.today, deadline),
      message: `中国申请日 ${input.patentFiledOn}：如需境外申请（巴黎公约途径或 PCT），须在 ${deadline} 前提出以享有优先权。`,
      source: P.parisPriorityMonths.source,
    });
  }
  return out.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

import type { AnnualReportStatus, AnnualReportTransition } from '../../../common/reports.js';

/** Who fires a transition: a member of the reporting organisation, or the supervising officer in scope. */
export type ReportParty = 'organization' | 'officer';

/** The annual report's life, as one table. Every transition runs in one transaction, row locked, audited. */
export const ANNUAL_REPORT_TRANSITION_TABLE: Record<
  AnnualReportTransition,
  { from: readonly AnnualReportStatus[]; to: AnnualReportStatus; by: ReportParty; reasonRequired: boolean }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'organization', reasonRequired: false },
  return: { from: ['submitted'], to: 'returned', by: 'officer', reasonRequired: true },
  accept: { from: ['submitted'], to: 'accepted', by: 'officer', reasonRequired: false },
};

/** The organisation edits its content only here. */
export const EDITABLE_REPORT: readonly AnnualReportStatus[] = ['draft', 'returned'];
/** Not yet handed in: counts as missing once the due date has passed. */
export const NOT_HANDED_IN: readonly AnnualReportStatus[] = ['draft', 'returned'];

export function reportTransitionAllowed(
  name: AnnualReportTransition,
  status: AnnualReportStatus,
  parties: readonly ReportParty[],
): boolean {
  const t = ANNUAL_REPORT_TRANSITION_TABLE[name];
  return t.from.includes(status) && parties.includes(t.by);
}

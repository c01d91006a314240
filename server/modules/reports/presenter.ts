import type { AnnualFigures, AnnualReportSummary, AnnualReportView } from '../../../common/api/reports.js';
import type { AnnualReportStatus } from '../../../common/reports.js';
import type { DbOrTx } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { organizationsUnderPenalty } from '../integrity/service.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { isOverdue, reportActions, type ReportRow } from './annual.js';
import type { ReportParty } from './lifecycle.js';

export async function presentReportSummaries(db: DbOrTx, rows: ReportRow[]): Promise<AnnualReportSummary[]> {
  const ids = rows.map((r) => r.organizationId);
  const now = clock.now();
  const [orgs, flagged] = [await organizationsByIds(db, ids), await organizationsUnderPenalty(db, ids, now)];
  return rows.map((row) => ({
    id: row.id,
    year: row.year,
    organization: { id: row.organizationId, name: orgs.get(row.organizationId)?.name ?? '' },
    regionCode: row.regionCode,
    status: row.status as AnnualReportStatus,
    windowOpensAt: row.windowOpensAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row, now),
    late: row.late,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    integrityFlag: flagged.has(row.organizationId),
  }));
}

export async function presentReport(
  db: DbOrTx,
  r: { row: ReportRow; parties: ReportParty[]; figures: AnnualFigures; frozen: boolean },
): Promise<AnnualReportView> {
  const [summary] = await presentReportSummaries(db, [r.row]);
  return { ...summary!, content: r.row.content, figures: r.figures, figuresFrozen: r.frozen, actions: reportActions(r.row, r.parties) };
}

import { inArray } from 'drizzle-orm';
import type { ApplicationStatus, ApplicationView, ProgrammeView } from '../../../common/api/subsidies.js';
import type { DbOrTx } from '../../db/client.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { findRegions } from '../organizations/repository.js';
import type { ProgrammeRow } from './estimate.js';
import type { Party } from './lifecycle.js';
import { subsidyProgrammes } from './schema.js';
import type { ReviewPanelSummary } from './panel.js';
import { applicationActions, type ApplicationRow } from './service.js';

export async function presentProgrammes(db: DbOrTx, rows: ProgrammeRow[]): Promise<ProgrammeView[]> {
  const names = new Map(
    (
      await findRegions(
        db,
        rows.map((r) => r.regionCode),
      )
    ).map((r) => [r.code, r.name]),
  );
  const day = localDateOf(clock.now());
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    documentNumber: p.documentNumber,
    regionCode: p.regionCode,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    year: p.year,
    applicantRoles: p.applicantRoles as ProgrammeView['applicantRoles'],
    contractTypes: p.contractTypes as ProgrammeView['contractTypes'],
    basis: p.basis as ProgrammeView['basis'],
    buyerRegionCode: p.buyerRegionCode,
    minLicenceYears: p.minLicenceYears,
    requireSme: p.requireSme,
    schedule: p.schedule,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    open: p.opensOn <= day && day <= p.closesOn,
    noticeWorkingDays: p.noticeWorkingDays,
    minReviewers: p.minReviewers,
    sources: p.sources,
    description: p.description,
    createdAt: p.createdAt.toISOString(),
  }));
}

export async function presentApplications(
  db: DbOrTx,
  items: Array<{ row: ApplicationRow; party: Party | null; panel?: ReviewPanelSummary | null }>,
): Promise<ApplicationView[]> {
  if (items.length === 0) return [];
  const orgs = await organizationsByIds(
    db,
    items.map((i) => i.row.organizationId),
  );
  const regionNames = new Map(
    (
      await findRegions(
        db,
        items.map((i) => i.row.regionCode),
      )
    ).map((r) => [r.code, r.name]),
  );
  const programmeIds = [...new Set(items.map((i) => i.row.programmeId))];
  const programmes = new Map(
    (await db.select().from(subsidyProgrammes).where(inArray(subsidyProgrammes.id, programmeIds))).map((p) => [p.id, p]),
  );
  return items.map(({ row, party, panel }) => {
    const p = programmes.get(row.programmeId)!;
    return {
      id: row.id,
      programme: { id: p.id, name: p.name, year: p.year },
      organization: { id: row.organizationId, name: orgs.get(row.organizationId)?.name ?? '' },
      regionCode: row.regionCode,
      regionName: regionNames.get(row.regionCode) ?? row.regionCode,
      status: row.status as ApplicationStatus,
      contractIds: row.contractIds,
      lines: row.lines,
      baseFen: row.baseFen,
      requestedFen: row.requestedFen,
      approvedFen: row.approvedFen,
      paidFen: row.paidFen,
      note: row.note,
      officerNote: row.officerNote,
      reviewMean: row.reviewMean,
      panel: panel ? { panelId: panel.panelId, size: panel.size, scored: panel.scored, complete: panel.complete, mean: panel.mean } : null,
      reviews: panel?.reviews ?? [],
      meetingOn: row.meetingOn,
      noticeFrom: row.noticeFrom,
      noticeUntil: row.noticeUntil,
      paidOn: row.paidOn,
      paymentReference: row.paymentReference,
      submittedAt: row.submittedAt.toISOString(),
      actions: party ? applicationActions(row, party) : [],
    };
  });
}

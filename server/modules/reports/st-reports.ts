import { and, desc, eq, max } from 'drizzle-orm';
import type { StReportBody, StReportView } from '../../../common/api/reports.js';
import {
  abstractProblem,
  keywordsProblem,
  releaseProblem,
  stReportNumber,
  ST_REPORT_RULES,
  type StReportAccess,
} from '../../../common/reports.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { findOrganization, findRegion } from '../organizations/repository.js';
import { stReports } from './schema.js';

/**
 * S&T reports (科技报告) of publicly funded projects. Numbered organisation code (characters 9–17
 * of the credit code) - project number - sequence within the project. Public, or delayed (at most
 * 5 years): until its release date a delayed report's abstract is shown only to its organisation,
 * officers over its region and platform admins; its number, title and keywords are listed.
 */
type StRow = typeof stReports.$inferSelect;

export async function fileStReport(opts: { db: Db; actor: Actor; input: StReportBody }): Promise<string> {
  requirePermission(opts.actor, 'report:file');
  requireUser(opts.actor);
  const { input, actor } = opts;
  const mine = organizationIdsOf(actor, ['org_member', 'org_admin']);
  const orgId = input.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!orgId) throw AppError.validation('body.organizationId', mine.length ? 'name the organisation' : 'you belong to no organisation');
  if (!mine.includes(orgId)) throw AppError.forbidden('You can only file for your own organisation');
  const org = await findOrganization(opts.db, orgId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  const fields = [];
  const a = abstractProblem(input.abstract);
  if (a) fields.push({ field: 'body.abstract', message: a });
  const k = keywordsProblem(input.keywords);
  if (k) fields.push({ field: 'body.keywords', message: k });
  const r = releaseProblem(input.access, input.releaseOn, localDateOf(clock.now()));
  if (r) fields.push({ field: 'body.releaseOn', message: r });
  if (fields.length) throw new AppError('validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });

  return opts.db.transaction(async (tx) => {
    // Serialise numbering per organisation: lock its earlier reports of the project (or none yet).
    await tx.select({ id: stReports.id }).from(stReports).where(eq(stReports.organizationId, org.id)).for('update');
    const [{ top }] = (await tx
      .select({ top: max(stReports.sequence) })
      .from(stReports)
      .where(and(eq(stReports.organizationId, org.id), eq(stReports.projectNumber, input.projectNumber)))) as [{ top: number | null }];
    const sequence = (top ?? 0) + 1;
    if (sequence > ST_REPORT_RULES.sequenceMax.value)
      throw AppError.validation('body.projectNumber', `the project already has ${ST_REPORT_RULES.sequenceMax.value} reports`);
    const row = {
      id: newId(),
      organizationId: org.id,
      regionCode: org.regionCode,
      number: stReportNumber(org.creditCode, input.projectNumber, sequence),
      projectNumber: input.projectNumber,
      sequence,
      projectName: input.projectName,
      fundingProgramme: input.fundingProgramme,
      title: input.title,
      abstract: input.abstract,
      keywords: input.keywords.map((x) => x.trim()),
      access: input.access,
      releaseOn: input.access === 'delayed' ? input.releaseOn! : null,
      createdBy: actor.userId,
      createdAt: clock.now(),
    };
    await tx.insert(stReports).values(row);
    await writeAudit(tx, actor, { action: 'st_report.file', entity: 'st_report', entityId: row.id, organizationId: org.id, after: row });
    return row.id;
  });
}

async function mayReadWithheld(db: DbOrTx, actor: Actor, row: StRow): Promise<boolean> {
  if (organizationIdsOf(actor).includes(row.organizationId)) return true;
  if (!can(actor, 'report:review')) return false;
  if (isPlatformAdmin(actor)) return true;
  const path = (await findRegion(db, row.regionCode))?.path;
  return !!path && inRegionScope(actor, path);
}

export async function presentStReports(db: DbOrTx, actor: Actor, rows: StRow[]): Promise<StReportView[]> {
  const orgs = await organizationsByIds(
    db,
    rows.map((r) => r.organizationId),
  );
  const day = localDateOf(clock.now());
  const out: StReportView[] = [];
  for (const row of rows) {
    const controlled = row.access === 'delayed' && !!row.releaseOn && day < row.releaseOn;
    const withheld = controlled && !(await mayReadWithheld(db, actor, row));
    out.push({
      id: row.id,
      number: row.number,
      organization: { id: row.organizationId, name: orgs.get(row.organizationId)?.name ?? '' },
      projectNumber: row.projectNumber,
      projectName: row.projectName,
      fundingProgramme: row.fundingProgramme,
      title: row.title,
      keywords: row.keywords,
      access: row.access as StReportAccess,
      releaseOn: row.releaseOn,
      abstract: withheld ? null : row.abstract,
      withheld,
      createdAt: row.createdAt.toISOString(),
    });
  }
  return out;
}

export async function listStReports(opts: { db: Db; organizationId?: string }) {
  return opts.db
    .select()
    .from(stReports)
    .where(opts.organizationId ? eq(stReports.organizationId, opts.organizationId) : undefined)
    .orderBy(desc(stReports.createdAt), desc(stReports.id))
    .limit(200);
}

export async function getStReport(opts: { db: Db; id: string }) {
  const [row] = await opts.db.select().from(stReports).where(eq(stReports.id, opts.id));
  if (!row) throw AppError.notFound('S&T report');
  return row;
}

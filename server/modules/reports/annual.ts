import { and, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ReportContent, type AnnualReportsQuery } from '../../../common/api/reports.js';
import {
  ANNUAL_REPORT_PARAMETERS,
  mustFileAnnualReport,
  textLength,
  type AnnualReportStatus,
  type AnnualReportTransition,
} from '../../../common/reports.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findOrganization, findRegion, findRegions } from '../organizations/repository.js';
import { duplicatedExtraProjects } from './duplicates.js';
import { computeFigures } from './figures.js';
import { ANNUAL_REPORT_TRANSITION_TABLE, EDITABLE_REPORT, NOT_HANDED_IN, reportTransitionAllowed, type ReportParty } from './lifecycle.js';
import { annualReports } from './schema.js';
import { localYearOf, reportWindow } from './window.js';

/**
 * Annual transformation reports (科技成果转化年度报告; 促进科技成果转化法 art. 21, 财科教〔2017〕22号):
 * one per publicly funded university or institute and year. The organisation opens and fills it
 * (prefilled, figures.ts), submits it; the supervising officer (region scope) or a platform admin
 * accepts it or returns it with a reason. Deny by default: members of the organisation and the
 * officers over its region see it; anyone else gets 404.
 */
export type ReportRow = typeof annualReports.$inferSelect;

const FILERS = ['org_member', 'org_admin'] as const;
const link = (id: string) => `/workspace/annual-reports/${id}`;

export const emptyContent = (): ReportContent => ReportContent.parse({});

/** The parties the actor is to this report (none: it is invisible to them). */
export function reportPartiesFor(actor: Actor, row: Pick<ReportRow, 'organizationId'>, regionPath: string): ReportParty[] {
  const parties: ReportParty[] = [];
  if (can(actor, 'report:file') && organizationIdsOf(actor, [...FILERS]).includes(row.organizationId)) parties.push('organization');
  if (can(actor, 'report:review') && (isPlatformAdmin(actor) || inRegionScope(actor, regionPath))) parties.push('officer');
  return parties;
}

async function regionPathOf(db: DbOrTx, code: string): Promise<string> {
  return (await findRegion(db, code))?.path ?? `/${code}/`;
}

export const isOverdue = (row: Pick<ReportRow, 'status' | 'dueAt'>, now: Date) =>
  NOT_HANDED_IN.includes(row.status as AnnualReportStatus) && now.getTime() > row.dueAt.getTime();

/** A draft for the organisation and year, in the caller's transaction; the existing one when there is one. */
export async function ensureReport(
  tx: Tx,
  actor: Actor,
  org: { id: string; regionCode: string },
  year: number,
): Promise<{ id: string; created: boolean }> {
  const [existing] = await tx
    .select({ id: annualReports.id })
    .from(annualReports)
    .where(and(eq(annualReports.organizationId, org.id), eq(annualReports.year, year)));
  if (existing) return { id: existing.id, created: false };
  const now = clock.now();
  const row = {
    id: newId(),
    organizationId: org.id,
    regionCode: org.regionCode,
    year,
    status: 'draft' as AnnualReportStatus,
    content: emptyContent(),
    figures: null,
    ...reportWindow(year),
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await tx.insert(annualReports).values(row).onConflictDoNothing().returning({ id: annualReports.id });
  if (inserted.length === 0) {
    const [again] = await tx
      .select({ id: annualReports.id })
      .from(annualReports)
      .where(and(eq(annualReports.organizationId, org.id), eq(annualReports.year, year)));
    return { id: again!.id, created: false };
  }
  await writeAudit(tx, actor, {
    action: 'annual_report.open',
    entity: 'annual_report',
    entityId: row.id,
    organizationId: org.id,
    after: { year, status: row.status, windowOpensAt: row.windowOpensAt, dueAt: row.dueAt },
  });
  return { id: row.id, created: true };
}

/** The organisation opens its report on an ended year (or gets the one already open). */
export async function openReport(opts: { db: Db; actor: Actor; organizationId?: string; year: number }) {
  requirePermission(opts.actor, 'report:file');
  requireUser(opts.actor);
  const mine = organizationIdsOf(opts.actor, [...FILERS]);
  const orgId = opts.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!orgId)
    throw AppError.validation(
      'body.organizationId',
      mine.length ? 'name the organisation you report for' : 'you belong to no organisation',
    );
  if (!mine.includes(orgId)) throw AppError.forbidden('You can only report for your own organisation');
  const org = await findOrganization(opts.db, orgId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  if (!mustFileAnnualReport(org))
    throw AppError.validation('body.organizationId', 'only publicly funded universities and research institutes file this report');
  if (opts.year >= localYearOf(clock.now())) throw AppError.validation('body.year', 'the report covers a calendar year that has ended');
  return opts.db.transaction((tx) => ensureReport(tx, opts.actor, org, opts.year));
}

export async function loadVisibleReport(db: DbOrTx, actor: Actor, id: string, lock?: Tx) {
  requireUser(actor);
  const q = (lock ?? db).select().from(annualReports).where(eq(annualReports.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.notFound('Annual report');
  const parties = reportPartiesFor(actor, row, await regionPathOf(db, row.regionCode));
  if (parties.length === 0) throw AppError.notFound('Annual report');
  return { row, parties };
}

/** The report with its figures: the submitted snapshot once handed in, else computed now. */
export async function getReport(opts: { db: Db; actor: Actor; id: string }) {
  const { row, parties } = await loadVisibleReport(opts.db, opts.actor, opts.id);
  const figures = row.figures ?? (await computeFigures(opts.db, row.organizationId, row.year));
  return { row, parties, figures, frozen: row.figures !== null };
}

/** Reports the caller may see: their organisations'; officers their region's; platform admins all. */
export async function listReports(opts: { db: Db; actor: Actor; query: z.infer<typeof AnnualReportsQuery> }): Promise<ReportRow[]> {
  requireUser(opts.actor);
  const { actor, query } = opts;
  const scopes: SQL[] = [];
  const own = can(actor, 'report:file') ? organizationIdsOf(actor, [...FILERS]) : [];
  if (own.length) scopes.push(inArray(annualReports.organizationId, own));
  let everything = false;
  if (can(actor, 'report:review')) {
    if (isPlatformAdmin(actor)) everything = true;
    else {
      const codes = (await findRegions(opts.db)).filter((r) => inRegionScope(actor, r.path)).map((r) => r.code);
      if (codes.length) scopes.push(inArray(annualReports.regionCode, codes));
    }
  }
  if (!everything && scopes.length === 0) return [];
  const now = clock.now();
  return opts.db
    .select()
    .from(annualReports)
    .where(
      and(
        everything ? undefined : or(...scopes),
        query.year ? eq(annualReports.year, query.year) : undefined,
        query.status ? eq(annualReports.status, query.status) : undefined,
        query.overdue === 'true' ? and(inArray(annualReports.status, [...NOT_HANDED_IN]), lt(annualReports.dueAt, now)) : undefined,
        query.overdue === 'false' ? or(inArray(annualReports.status, ['submitted', 'accepted']), gt(annualReports.dueAt, now)) : undefined,
      ),
    )
    .orderBy(desc(annualReports.year), desc(annualReports.updatedAt), desc(annualReports.id))
    .limit(500);
}

/** The organisation saves what it fills in by hand (draft or returned only). */
export async function saveReportContent(opts: { db: Db; actor: Actor; id: string; content: ReportContent }) {
  requirePermission(opts.actor, 'report:file');
  await opts.db.transaction(async (tx) => {
    const { row, parties } = await loadVisibleReport(tx, opts.actor, opts.id, tx);
    if (!parties.includes('organization')) throw AppError.forbidden('Only the reporting organisation edits its report');
    if (!EDITABLE_REPORT.includes(row.status as AnnualReportStatus))
      throw AppError.conflict(`The report is ${row.status}; it cannot be edited`);
    if (opts.content.policy.extraProjects.length) {
      const twice = duplicatedExtraProjects(opts.content, await computeFigures(tx, row.organizationId, row.year), 'body');
      if (twice.length) throw new AppError('validation_failed', twice.map((m) => `${m.field}: ${m.message}`).join('; '), { fields: twice });
    }
    await tx.update(annualReports).set({ content: opts.content, updatedAt: clock.now() }).where(eq(annualReports.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'annual_report.save',
      entity: 'annual_report',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { content: row.content },
      after: { content: opts.content },
    });
  });
}

/** What must be filled in before submitting, as field errors. */
function missingContent(content: ReportContent) {
  const fields = [];
  const min = ANNUAL_REPORT_PARAMETERS.narrativeMinChars.value;
  if (textLength(content.work.summary) < min)
    fields.push({ field: 'content.work.summary', message: `请填写本年度科技成果转化工作情况（至少 ${min} 字）` });
  if (textLength(content.policy.implementation) < min)
    fields.push({ field: 'content.policy.implementation', message: `请填写政策落实情况（至少 ${min} 字）` });
  return fields;
}

export async function transitionReport(opts: { db: Db; actor: Actor; id: string; action: AnnualReportTransition; reason?: string }) {
  requireUser(opts.actor);
  const t = ANNUAL_REPORT_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const { row, parties } = await loadVisibleReport(tx, opts.actor, opts.id, tx);
    const status = row.status as AnnualReportStatus;
    if (!parties.includes(t.by))
      throw AppError.forbidden(
        `Only the ${t.by === 'officer' ? 'supervising officer' : 'reporting organisation'} may ${opts.action} this report`,
      );
    if (!reportTransitionAllowed(opts.action, status, parties)) throw AppError.conflict(`Cannot ${opts.action} a report that is ${status}`);
    if (t.by === 'organization') requirePermission(opts.actor, 'report:file');
    else requirePermission(opts.actor, 'report:review');
    const reason = opts.reason?.trim() || null;
    if (t.reasonRequired && !reason) throw AppError.validation('body.reason', '请说明退回原因');
    const now = clock.now();
    const set: Partial<ReportRow> = { status: t.to, updatedAt: now };
    if (opts.action === 'submit') {
      if (now < row.windowOpensAt) throw AppError.conflict(`The filling window opens on ${localDateOf(row.windowOpensAt)} (Beijing time)`);
      const missing = missingContent(row.content);
      if (missing.length)
        throw new AppError('validation_failed', missing.map((m) => `${m.field}: ${m.message}`).join('; '), { fields: missing });
      set.figures = await computeFigures(tx, row.organizationId, row.year);
      const twice = duplicatedExtraProjects(row.content, set.figures, 'content');
      if (twice.length) throw new AppError('validation_failed', twice.map((m) => `${m.field}: ${m.message}`).join('; '), { fields: twice });
      set.submittedAt = now;
      set.submittedBy = opts.actor.userId;
      if (!row.submittedAt && now > row.dueAt) set.late = true;
      set.returnReason = null;
    } else {
      set.reviewedAt = now;
      set.reviewedBy = opts.actor.userId;
      if (opts.action === 'return') {
        set.returnReason = reason;
        set.figures = null; // figures are live again while the organisation corrects it
      }
    }
    await tx.update(annualReports).set(set).where(eq(annualReports.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `annual_report.${opts.action}`,
      entity: 'annual_report',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status },
      after: {
        status: t.to,
        reason,
        ...(set.figures ? { figures: set.figures } : {}),
        ...(set.late ? { late: true } : {}),
      },
    });
    if (t.by === 'officer') {
      await notify(tx, {
        organizationId: row.organizationId,
        exceptUserIds: [opts.actor.userId],
        kind: `annual_report_${opts.action}`,
        title: `${row.year} 年度科技成果转化年度报告${opts.action === 'accept' ? '已通过审核' : '被退回修改'}`,
        body: reason,
        link: link(row.id),
        needsAction: opts.action === 'return',
      });
    }
  });
}

/** What the caller may do now (the UI shows exactly these). */
export function reportActions(row: ReportRow, parties: ReportParty[]): Array<'edit' | 'submit' | 'return' | 'accept' | 'export'> {
  const status = row.status as AnnualReportStatus;
  const out: Array<'edit' | 'submit' | 'return' | 'accept' | 'export'> = [];
  if (parties.includes('organization') && EDITABLE_REPORT.includes(status)) out.push('edit');
  for (const name of ['submit', 'return', 'accept'] as const) if (reportTransitionAllowed(name, status, parties)) out.push(name);
  out.push('export');
  return out;
}

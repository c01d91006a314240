/**
 * Bulk import and export of contracts as xlsx, all or nothing: every row is validated (schema, then
 * references, then registration numbers) before anything is written; then all rows are inserted in
 * one transaction, each with its audit entry. Progress and the error report live on
 * `contract_import_jobs`. Applicants import submitted applications; registrars import historical
 * registrations (certified, with their own numbers).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldError } from '../../../common/problems.js';
import { parseRegistrationNumber, registrationRegionOf, reviewPeriod, type ContractParameters } from '../../../common/contracts.js';
import type { Db, Tx } from '../../db/client.js';
import { technicalFields } from '../catalog/schema.js';
import { contractAttachments, contractImportJobs, contracts } from './schema.js';
import { organizations } from '../organizations/schema.js';
import { isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { startOfLocalDate, workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { applicantOrganization } from './applications.js';
import { applicantSide, auditContent, contentRows, listRegistrationPointRows, loadReferences, referenceIssues, writeChildRows, type Organization, type RegistrationPoint } from './content.js';
import { loadParameters } from './parameters.js';
import { reserveRegistrationNumber } from './registration-number.js';
import { recordVersion, resolveAdjustment } from './review.js';
import { contractColumns } from './xlsx-columns.js';
import { readImportFile, type ImportMode, type ParsedRow, type RowIssue } from './xlsx-workbook.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 500;

export const fieldsOf = (db: Db) => db.select({ code: technicalFields.code, nameZh: technicalFields.nameZh }).from(technicalFields).orderBy(technicalFields.scheme, technicalFields.sort);

/** The column header an input path belongs to (for reference issues found after parsing). */
function headerFor(field: string): string {
  const columns = contractColumns();
  const col = columns.find((c) => c.keys.includes(field)) ?? columns.find((c) => c.keys.includes(field.split('.')[0]!));
  return col?.header ?? field;
}

async function finishJob(db: Db, id: string, status: 'succeeded' | 'failed', set: { errors?: RowIssue[]; processed?: number }) {
  await db.update(contractImportJobs).set({ status, finishedAt: clock.now(), ...set }).where(and(eq(contractImportJobs.id, id), eq(contractImportJobs.status, 'running')));
}

function reportProgress(db: Db, id: string, processed: number) {
  db.update(contractImportJobs)
    .set({ processed: sql`GREATEST(${contractImportJobs.processed}, ${processed})` })
    .where(and(eq(contractImportJobs.id, id), eq(contractImportJobs.status, 'running')))
    .catch(() => undefined);
}

interface Prepared {
  row: ParsedRow;
  applicant: Organization | null;
  point: RegistrationPoint;
  adjustment: { fen: number; reason: string | null };
}

/** Reference and registration-number checks over every parsed row (historical: numbers unique in the file and the database). */
async function prepareRows(db: Db, mode: ImportMode, rows: ParsedRow[], ctx: { applicant: Organization | null; point: RegistrationPoint | null }): Promise<{ prepared: Prepared[]; issues: RowIssue[] }> {
  const refs = await loadReferences(db);
  const issues: RowIssue[] = rows.flatMap((r) => r.issues);
  const good = rows.filter((r) => r.input);
  // Historical: the applicant is the platform organisation with the applicant side's credit code, if any.
  const codes = mode === 'historical' ? good.map((r) => r.input![applicantSide(r.input!)].creditCode).filter((c): c is string => Boolean(c)) : [];
  const byCode = new Map((codes.length ? await db.select().from(organizations).where(and(inArray(organizations.creditCode, codes), eq(organizations.status, 'active'))) : []).map((o) => [o.creditCode, o]));
  const numbers = good.map((r) => r.extras.registrationNumber).filter((n): n is string => Boolean(n));
  const taken = new Set((numbers.length ? await db.select({ n: contracts.registrationNumber }).from(contracts).where(inArray(contracts.registrationNumber, numbers)) : []).map((r) => r.n));
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const row of good) {
    const input = row.input!;
    const fail = (field: string, message: string) => issues.push({ row: row.row, field: headerFor(field), message: `${headerFor(field)}: ${message}` });
    const applicant = mode === 'applications' ? ctx.applicant : (byCode.get(input[applicantSide(input)].creditCode ?? '') ?? null);
    const withPoint = { ...input, registrationOrganizationId: ctx.point?.id ?? null };
    const checked = await referenceIssues(db, refs, withPoint, applicant);
    for (const i of checked.issues) fail(i.field, i.message);
    let adjustment = { fen: 0, reason: null as string | null };
    if (mode === 'historical') {
      const n = row.extras.registrationNumber!;
      const parsed = parseRegistrationNumber(n)!;
      if (parsed.regionCode !== registrationRegionOf(ctx.point!.regionCode)) fail('registrationNumber', `region ${parsed.regionCode} is not the registration point's (${registrationRegionOf(ctx.point!.regionCode)})`);
      if (row.extras.certifiedOn && Number(row.extras.certifiedOn.slice(0, 4)) !== parsed.year) fail('registrationNumber', `year ${parsed.year} does not match 登记日期 ${row.extras.certifiedOn}`);
      if (taken.has(n)) fail('registrationNumber', `${n} is already registered`);
      if (seen.has(n)) fail('registrationNumber', `${n} appears twice in the file`);
      seen.add(n);
      try {
        const deducted = contentRows('x', input, null).columns.nonTechnicalCostsFen!;
        adjustment = resolveAdjustment(input.contractAmountFen, deducted, { technologyTransactionAmountFen: row.extras.technologyTransactionAmountFen, adjustmentReason: row.extras.adjustmentReason ?? undefined });
      } catch (err) {
        const f = (err as AppError).fields?.[0];
        fail(f?.field.replace(/^body\./, '') ?? 'technologyTransactionAmountFen', f?.message ?? 'is not valid');
      }
    }
    if (checked.point) prepared.push({ row, applicant, point: checked.point, adjustment });
  }
  return { prepared, issues: issues.sort((a, b) => a.row - b.row) };
}

/** Inserts one prepared row inside the import transaction. */
async function insertRow(tx: Tx, actor: Actor, mode: ImportMode, p: Prepared, now: Date, params: ContractParameters | null): Promise<string> {
  const id = newId();
  const input = p.row.input!;
  const rows = contentRows(id, input, p.applicant, p.adjustment);
  const historical = mode === 'historical';
  const number = p.row.extras.registrationNumber;
  const review = params ? reviewPeriod(rows.columns.technologyTransactionAmountFen, params) : null;
  await tx.insert(contracts).values({
    id,
    organizationId: p.applicant?.id ?? p.point.id,
    status: historical ? 'certified' : 'submitted',
    source: historical ? 'historical' : 'import',
    registrationOrganizationId: p.point.id,
    registrationRegionCode: p.point.regionCode,
    createdBy: actor.userId,
    ...rows.columns,
    ...(historical
      ? { registrationNumber: number, certifiedAt: startOfLocalDate(p.row.extras.certifiedOn!), certifiedBy: actor.userId, reviewedBy: actor.userId, reviewedAt: now, version: 1 }
      : { submittedAt: now, deadlineAt: workingDayDeadline(now, review!.workingDays), reviewWorkingDays: review!.workingDays, expertReviewRequired: review!.expertReviewRequired }),
  });
  await writeChildRows(tx, id, rows, false);
  if (p.row.extras.scanUrl) await tx.insert(contractAttachments).values({ id: newId(), contractId: id, kind: 'signed_contract', name: '合同扫描件', url: p.row.extras.scanUrl, uploadedBy: actor.userId, createdAt: now });
  if (historical) {
    const parsed = parseRegistrationNumber(number!)!;
    await reserveRegistrationNumber(tx, parsed.year, parsed.regionCode, parsed.sequence);
    await recordVersion(tx, actor, id, 'certified', '历史登记导入');
  }
  await writeAudit(tx, actor, { action: historical ? 'contract.import_historical' : 'contract.import', entity: 'contract', entityId: id, organizationId: p.applicant?.id ?? p.point.id, after: { ...auditContent(rows), status: historical ? 'certified' : 'submitted', registrationNumber: number } });
  return id;
}

export interface ImportResult {
  jobId: string;
  imported: number;
  ids: string[];
}

/** Where the import goes: applications for the applicant's organisation, or historical registrations at the registrar's point. */
async function importTarget(db: Db, actor: Actor, mode: ImportMode, opts: { organizationId?: string; registrationOrganizationId?: string }) {
  if (mode === 'applications') {
    const applicant = await applicantOrganization(db, actor, opts.organizationId);
    const points = await listRegistrationPointRows(db);
    const point = opts.registrationOrganizationId ? (points.find((p) => p.id === opts.registrationOrganizationId) ?? null) : null;
    if (opts.registrationOrganizationId && !point) throw AppError.validation('querystring.registrationOrganizationId', 'is not a registration point');
    return { applicant, point, ownerOrganizationId: applicant.id };
  }
  requirePermission(actor, 'contract:register');
  const mine = isPlatformAdmin(actor) ? null : organizationIdsOf(actor, ['registrar']);
  const id = opts.registrationOrganizationId ?? (mine?.length === 1 ? mine[0] : undefined);
  if (!id) throw AppError.validation('querystring.registrationOrganizationId', 'name the registration point to import into');
  if (mine && !mine.includes(id)) throw AppError.forbidden('You register contracts only at your own registration point');
  const point = (await listRegistrationPointRows(db)).find((p) => p.id === id);
  if (!point) throw AppError.validation('querystring.registrationOrganizationId', 'is not a registration point');
  return { applicant: null, point, ownerOrganizationId: point.id };
}

export async function importContracts(opts: { db: Db; actor: Actor; mode: ImportMode; file: Buffer | null; organizationId?: string; registrationOrganizationId?: string; jobId?: string; liveProgress?: boolean }): Promise<ImportResult> {
  const { db, actor, mode } = opts;
  requireUser(actor);
  const target = await importTarget(db, actor, mode, opts);
  const jobId = opts.jobId ?? newId();
  const created = await db.insert(contractImportJobs).values({ id: jobId, userId: actor.userId, mode, organizationId: target.ownerOrganizationId, status: 'running' }).onConflictDoNothing().returning({ id: contractImportJobs.id });
  if (created.length === 0) throw AppError.conflict('This import job id is already taken');
  const headers = { 'x-import-job-id': jobId };
  try {
    const rows = opts.file?.length ? await readImportFile(mode, opts.file, await fieldsOf(db), target.applicant) : `is missing: send the .xlsx file as the request body with content-type ${XLSX_MIME}`;
    if (typeof rows === 'string') {
      await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message: `The file ${rows}` }] });
      throw new AppError('validation_failed', `file: The file ${rows}`, { fields: [{ field: 'file', message: `The file ${rows}` }], headers });
    }
    await db.update(contractImportJobs).set({ total: rows.length }).where(eq(contractImportJobs.id, jobId));
    const { prepared, issues } = await prepareRows(db, mode, rows, target);
    if (issues.length) {
      const report = issues.length <= MAX_REPORTED_ERRORS ? issues : [...issues.slice(0, MAX_REPORTED_ERRORS), { row: 0, field: 'rows', message: `… and ${issues.length - MAX_REPORTED_ERRORS} more errors` }];
      await finishJob(db, jobId, 'failed', { errors: report, processed: rows.length });
      const fields: FieldError[] = report.map((i) => (i.row === 0 ? { field: i.field, message: i.message } : { field: `rows.${i.row}.${i.field}`, message: `第${i.row}行 ${i.message}` }));
      throw new AppError('validation_failed', `${new Set(issues.map((i) => i.row)).size} of ${rows.length} rows have errors; nothing was imported (import job ${jobId})`, { fields, headers });
    }
    const now = clock.now();
    const params = mode === 'applications' ? await loadParameters(db) : null;
    const ids: string[] = [];
    await db.transaction(async (tx) => {
      for (const p of prepared) {
        ids.push(await insertRow(tx, actor, mode, p, now, params));
        if (opts.liveProgress && ids.length % 100 === 0) reportProgress(db, jobId, ids.length);
      }
    });
    await finishJob(db, jobId, 'succeeded', { processed: ids.length });
    return { jobId, imported: ids.length, ids };
  } catch (err) {
    await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message: 'The import stopped on an unexpected error; nothing was imported' }] }).catch(() => undefined);
    throw err;
  }
}

export async function getImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const [job] = await opts.db.select().from(contractImportJobs).where(and(eq(contractImportJobs.id, opts.id), eq(contractImportJobs.userId, opts.actor.userId))).limit(1);
  if (!job) throw AppError.notFound('Import job');
  return {
    id: job.id,
    mode: job.mode as ImportMode,
    status: job.status as 'running' | 'succeeded' | 'failed',
    total: job.total,
    processed: job.processed,
    errors: job.errors,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

/**
 * Bulk import of contracts as xlsx through the spreadsheet engine (server/lib/spreadsheet), all or
 * nothing: every row is validated (the sheet in xlsx-columns.ts, then references, then registration
 * numbers) before anything is written; then all rows are inserted in one transaction, each with its
 * audit entry. Progress and the error report live on the engine's import job (kind `contracts`).
 * Applicants import submitted applications; registrars import historical registrations (certified,
 * with their own numbers).
 */
import { inArray } from 'drizzle-orm';
import type { ContractInput } from '../../../common/api/contracts.js';
import { parseRegistrationNumber, registrationRegionOf, reviewPeriod, type ContractParameters } from '../../../common/contracts.js';
import type { Db, Tx } from '../../db/client.js';
import { isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { startOfLocalDate, workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  codeLookup,
  getImportJob as jobOf,
  readWorkbook,
  runImport,
  type ImportResult,
  type ParsedRow,
  type RowIssue,
} from '../../lib/spreadsheet/index.js';
import { listTechnicalFields } from '../catalog/service.js';
import { activeOrganizationsByCreditCode } from '../organizations/lookups.js';
import { applicantOrganization } from './applications.js';
import {
  applicantSide,
  auditContent,
  contentRows,
  listRegistrationPointRows,
  loadReferences,
  referenceIssues,
  writeChildRows,
  type Organization,
  type RegistrationPoint,
} from './content.js';
import { loadParameters } from './parameters.js';
import { reserveRegistrationNumber } from './registration-number.js';
import { recordVersion, resolveAdjustment } from './review.js';
import { contractAttachments, contracts } from './schema.js';
import { contractSheet, extrasOf, headerFor, type ImportMode, type RowExtras } from './xlsx-columns.js';

export { MAX_IMPORT_BYTES, XLSX_MIME, type ImportResult } from '../../lib/spreadsheet/index.js';

/** The technical fields for the 填写说明 sheet and the 技术领域 column (catalog owns them). */
export const fieldsOf = (db: Db) => listTechnicalFields({ db });

type Row = ParsedRow<ContractInput> & { extras: RowExtras };

interface Prepared {
  row: Row;
  applicant: Organization | null;
  point: RegistrationPoint;
  adjustment: { fen: number; reason: string | null };
}

/** Reference and registration-number checks over every parsed row (historical: numbers unique in the file and the database). */
async function prepareRows(
  db: Db,
  mode: ImportMode,
  rows: Row[],
  ctx: { applicant: Organization | null; point: RegistrationPoint | null },
): Promise<{ prepared: Prepared[]; issues: RowIssue[] }> {
  const refs = await loadReferences(db);
  const issues: RowIssue[] = rows.flatMap((r) => r.issues);
  const good = rows.filter((r) => r.input);
  // Historical: the applicant is the platform organisation with the applicant side's credit code, if any.
  const codes =
    mode === 'historical' ? good.map((r) => r.input![applicantSide(r.input!)].creditCode).filter((c): c is string => Boolean(c)) : [];
  const byCode = new Map((await activeOrganizationsByCreditCode(db, codes)).map((o) => [o.creditCode, o]));
  const numbers = good.map((r) => r.extras.registrationNumber).filter((n): n is string => Boolean(n));
  const taken = new Set(
    (numbers.length
      ? await db.select({ n: contracts.registrationNumber }).from(contracts).where(inArray(contracts.registrationNumber, numbers))
      : []
    ).map((r) => r.n),
  );
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const row of good) {
    const input = row.input!;
    const fail = (field: string, message: string) =>
      issues.push({ row: row.row, field: headerFor(field), message: `${headerFor(field)}: ${message}` });
    const applicant = mode === 'applications' ? ctx.applicant : (byCode.get(input[applicantSide(input)].creditCode ?? '') ?? null);
    const withPoint = { ...input, registrationOrganizationId: ctx.point?.id ?? null };
    const checked = await referenceIssues(db, refs, withPoint, applicant);
    for (const i of checked.issues) fail(i.field, i.message);
    let adjustment = { fen: 0, reason: null as string | null };
    if (mode === 'historical') {
      const n = row.extras.registrationNumber!;
      const parsed = parseRegistrationNumber(n)!;
      if (parsed.regionCode !== registrationRegionOf(ctx.point!.regionCode))
        fail(
          'registrationNumber',
          `region ${parsed.regionCode} is not the registration point's (${registrationRegionOf(ctx.point!.regionCode)})`,
        );
      if (row.extras.certifiedOn && Number(row.extras.certifiedOn.slice(0, 4)) !== parsed.year)
        fail('registrationNumber', `year ${parsed.year} does not match 登记日期 ${row.extras.certifiedOn}`);
      if (taken.has(n)) fail('registrationNumber', `${n} is already registered`);
      if (seen.has(n)) fail('registrationNumber', `${n} appears twice in the file`);
      seen.add(n);
      try {
        const deducted = contentRows('x', input, null).columns.nonTechnicalCostsFen!;
        adjustment = resolveAdjustment(input.contractAmountFen, deducted, {
          technologyTransactionAmountFen: row.extras.technologyTransactionAmountFen,
          adjustmentReason: row.extras.adjustmentReason ?? undefined,
        });
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
async function insertRow(
  tx: Tx,
  actor: Actor,
  mode: ImportMode,
  p: Prepared,
  now: Date,
  params: ContractParameters | null,
): Promise<string> {
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
      ? {
          registrationNumber: number,
          certifiedAt: startOfLocalDate(p.row.extras.certifiedOn!),
          certifiedBy: actor.userId,
          reviewedBy: actor.userId,
          reviewedAt: now,
          version: 1,
        }
      : {
          submittedAt: now,
          deadlineAt: workingDayDeadline(now, review!.workingDays),
          reviewWorkingDays: review!.workingDays,
          expertReviewRequired: review!.expertReviewRequired,
        }),
  });
  await writeChildRows(tx, id, rows, false);
  if (p.row.extras.scanUrl)
    await tx.insert(contractAttachments).values({
      id: newId(),
      contractId: id,
      kind: 'signed_contract',
      name: '合同扫描件',
      url: p.row.extras.scanUrl,
      uploadedBy: actor.userId,
      createdAt: now,
    });
  if (historical) {
    const parsed = parseRegistrationNumber(number!)!;
    await reserveRegistrationNumber(tx, parsed.year, parsed.regionCode, parsed.sequence);
    await recordVersion(tx, actor, id, 'certified', '历史登记导入');
  }
  await writeAudit(tx, actor, {
    action: historical ? 'contract.import_historical' : 'contract.import',
    entity: 'contract',
    entityId: id,
    organizationId: p.applicant?.id ?? p.point.id,
    after: { ...auditContent(rows), status: historical ? 'certified' : 'submitted', registrationNumber: number },
  });
  return id;
}

/** Where the import goes: applications for the applicant's organisation, or historical registrations at the registrar's point. */
async function importTarget(
  db: Db,
  actor: Actor,
  mode: ImportMode,
  opts: { organizationId?: string; registrationOrganizationId?: string },
) {
  if (mode === 'applications') {
    const applicant = await applicantOrganization(db, actor, opts.organizationId);
    const points = await listRegistrationPointRows(db);
    const point = opts.registrationOrganizationId ? (points.find((p) => p.id === opts.registrationOrganizationId) ?? null) : null;
    if (opts.registrationOrganizationId && !point)
      throw AppError.validation('querystring.registrationOrganizationId', 'is not a registration point');
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

export async function importContracts(opts: {
  db: Db;
  actor: Actor;
  mode: ImportMode;
  file: Buffer | null;
  organizationId?: string;
  registrationOrganizationId?: string;
  jobId?: string;
  liveProgress?: boolean;
}): Promise<ImportResult> {
  const { db, actor, mode } = opts;
  requireUser(actor);
  const target = await importTarget(db, actor, mode, opts);
  let params: ContractParameters | null = null;
  return runImport<ContractInput, Prepared>({
    db,
    userId: actor.userId,
    organizationId: target.ownerOrganizationId,
    kind: 'contracts',
    mode,
    jobId: opts.jobId,
    file: opts.file,
    liveProgress: opts.liveProgress,
    read: async (file) => {
      const fields = await fieldsOf(db);
      const rows = await readWorkbook(contractSheet(fields), file, {
        mode,
        ctx: { fieldCodes: codeLookup(fields), applicant: target.applicant },
      });
      return Array.isArray(rows) ? rows.map((r) => ({ ...r, extras: extrasOf(r.draft) })) : rows;
    },
    prepare: async (rows) => {
      const { prepared, issues } = await prepareRows(db, mode, rows as Row[], target);
      // Read before the insert transaction (PGlite has one connection).
      if (mode === 'applications' && !issues.length) params = await loadParameters(db);
      return { items: prepared, issues };
    },
    insert: async (tx, items, progress) => {
      const now = clock.now();
      const ids: string[] = [];
      for (const p of items) {
        ids.push(await insertRow(tx, actor, mode, p, now, params));
        if (ids.length % 100 === 0) progress(ids.length);
      }
      return ids;
    },
  });
}

export async function getImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const { kind: _kind, ...job } = await jobOf(opts.db, { userId: opts.actor.userId, id: opts.id, kinds: ['contracts'] });
  return { ...job, mode: job.mode as ImportMode };
}

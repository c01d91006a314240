/**
 * Bulk import and export of achievements and demands as xlsx. One column layout per kind serves the
 * template, the export and the import, so an exported file can be edited and imported again.
 * An import is all or nothing: every row is validated with AchievementInput / DemandInput first; only
 * when all pass are the drafts inserted, in one transaction, each with its audit entry.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { achievements, importJobs } from './schema.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { RecordKind } from './lifecycle.js';
import { indexedText, TABLES, type LoadedRecord } from './records.js';
import { columnsFor, filingOrganization, listOwnRecords, listTechnicalFields } from './service.js';
import { readImportFile, writeWorkbook, type RowIssue } from './xlsx-workbook.js';

export { fenToWan, wanToFen } from './xlsx-columns.js';
export { MAX_IMPORT_ROWS, type RowIssue } from './xlsx-workbook.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The problem and the job keep at most this many row errors (plus one line saying how many more). */
const MAX_REPORTED_ERRORS = 500;
const INSERT_CHUNK = 200;

export async function buildImportTemplate(opts: { db: Db; actor: Actor; kind: RecordKind }): Promise<Buffer> {
  requirePermission(opts.actor, 'catalog:file');
  return writeWorkbook(opts.kind, await listTechnicalFields({ db: opts.db }), null);
}

/** The actor's organisations' records, any status, in the template's layout plus status and id. */
export async function exportOwnRecords(opts: { db: Db; actor: Actor; kind: RecordKind }): Promise<Buffer> {
  const page = 500;
  const records: LoadedRecord[] = [];
  for (let offset = 0; ; offset += page) {
    const { items } = await listOwnRecords({ db: opts.db, actor: opts.actor, kind: opts.kind, limit: page, offset });
    records.push(...items);
    if (items.length < page) break;
  }
  return writeWorkbook(opts.kind, await listTechnicalFields({ db: opts.db }), records);
}

const capped = (issues: RowIssue[]): RowIssue[] =>
  issues.length <= MAX_REPORTED_ERRORS ? issues : [...issues.slice(0, MAX_REPORTED_ERRORS), { row: 0, field: 'rows', message: `… and ${issues.length - MAX_REPORTED_ERRORS} more errors` }];

async function finishJob(db: Db, id: string, status: 'succeeded' | 'failed', set: { errors?: RowIssue[]; processed?: number }) {
  await db
    .update(importJobs)
    .set({ status, finishedAt: clock.now(), ...set })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/**
 * Progress written on another connection while the insert transaction is open, without awaiting it:
 * the transaction never waits on the pool, and GREATEST keeps a late write from moving it backwards.
 */
function reportProgress(db: Db, id: string, processed: number) {
  db.update(importJobs)
    .set({ processed: sql`GREATEST(${importJobs.processed}, ${processed})` })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
    .catch(() => undefined);
}

export interface ImportResult {
  jobId: string;
  imported: number;
  ids: string[];
}

/**
 * Imports a workbook as drafts of the actor's organisation, all or nothing. The import job row is
 * written outside the data transaction, so its progress and report can be read while it runs and
 * after it fails. `liveProgress`: the database has a second connection to write progress on while
 * the insert transaction is open (PostgreSQL; PGlite has one connection, and nobody can read until
 * the transaction ends anyway).
 */
export async function importRecords(opts: {
  db: Db;
  actor: Actor;
  kind: RecordKind;
  file: Buffer | null;
  organizationId?: string;
  jobId?: string;
  liveProgress?: boolean;
}): Promise<ImportResult> {
  const { db, actor, kind } = opts;
  requireUser(actor);
  const org = await filingOrganization(db, actor, opts.organizationId);
  const jobId = opts.jobId ?? newId();
  const created = await db
    .insert(importJobs)
    .values({ id: jobId, userId: actor.userId, organizationId: org.id, kind: `${kind}s`, status: 'running' })
    .onConflictDoNothing()
    .returning({ id: importJobs.id });
  if (created.length === 0) throw AppError.conflict('This import job id is already taken');
  const headers = { 'x-import-job-id': jobId };
  try {
    const rows = opts.file?.length
      ? await readImportFile(kind, opts.file, await listTechnicalFields({ db }))
      : `is missing: send the .xlsx file as the request body with content-type ${XLSX_MIME}`;
    if (typeof rows === 'string') {
      await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message: `The file ${rows}` }] });
      throw new AppError('validation_failed', `file: The file ${rows}`, { fields: [{ field: 'file', message: `The file ${rows}` }], headers });
    }
    await db.update(importJobs).set({ total: rows.length }).where(eq(importJobs.id, jobId));

    const issues = rows.flatMap((r) => r.issues);
    if (issues.length) {
      const report = capped(issues);
      await finishJob(db, jobId, 'failed', { errors: report, processed: rows.length });
      const bad = new Set(issues.map((i) => i.row)).size;
      throw new AppError('validation_failed', `${bad} of ${rows.length} rows have errors; nothing was imported (import job ${jobId})`, {
        fields: report.map((i) => (i.row === 0 ? { field: i.field, message: i.message } : { field: `rows.${i.row}.${i.field}`, message: `第${i.row}行 ${i.message}` })),
        headers,
      });
    }

    const inputs = rows.map((r) => r.input!);
    const ids = inputs.map(() => newId());
    const table = TABLES[kind] as typeof achievements;
    await db.transaction(async (tx) => {
      for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
        const chunk = inputs.slice(start, start + INSERT_CHUNK);
        const values = chunk.map((input, i) => ({
          id: ids[start + i],
          organizationId: org.id,
          regionCode: org.regionCode,
          status: 'draft',
          createdBy: actor.userId,
          ...columnsFor(kind, input as never),
          searchVector: indexedText(kind, input, org.name),
        }));
        await tx.insert(table).values(values as unknown as Array<typeof achievements.$inferInsert>);
        for (const [i, input] of chunk.entries()) {
          await writeAudit(tx, actor, {
            action: `${kind}.create`,
            entity: kind,
            entityId: ids[start + i]!,
            organizationId: org.id,
            after: { ...columnsFor(kind, input as never), status: 'draft' },
          });
        }
        if (opts.liveProgress) reportProgress(db, jobId, start + chunk.length);
      }
    });
    await finishJob(db, jobId, 'succeeded', { processed: inputs.length });
    return { jobId, imported: ids.length, ids };
  } catch (err) {
    // Whatever stopped the import, the job must not stay `running` (a no-op when already finished).
    await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message: 'The import stopped on an unexpected error; nothing was imported' }] }).catch(() => undefined);
    throw err;
  }
}

/** One import job, for the user who started it only (anyone else gets 404). */
export async function getImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'catalog:file');
  requireUser(opts.actor);
  const [job] = await opts.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, opts.id), eq(importJobs.userId, opts.actor.userId)))
    .limit(1);
  if (!job) throw AppError.notFound('Import job');
  return {
    id: job.id,
    kind: job.kind as 'achievements' | 'demands',
    status: job.status as 'running' | 'succeeded' | 'failed',
    total: job.total,
    processed: job.processed,
    errors: job.errors,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

/**
 * An import, all or nothing, with its job: the job row is written outside the data transaction, so
 * its progress and report can be read while it runs and after it fails. One import runs at a time
 * per organisation (409 otherwise); one left running by a crash is failed at boot.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FieldError } from '../../../common/problems.js';
import type { Db, Tx } from '../../db/client.js';
import { clock } from '../clock.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { FileProblem, ParsedRow, RowIssue } from './read.js';
import { importJobs } from './schema.js';
import { XLSX_MIME } from './sheet.js';

/** The problem and the job keep at most this many row errors (plus one line saying how many more). */
const MAX_REPORTED_ERRORS = 500;
export const INTERRUPTED = 'The import was interrupted by a server restart; nothing was imported. Upload the file again.';

export type JobStatus = 'running' | 'succeeded' | 'failed';

export interface ImportResult {
  jobId: string;
  imported: number;
  ids: string[];
}

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

const capped = (issues: RowIssue[]): RowIssue[] =>
  issues.length <= MAX_REPORTED_ERRORS
    ? issues
    : [
        ...issues.slice(0, MAX_REPORTED_ERRORS),
        { row: 0, field: 'rows', message: `… and ${issues.length - MAX_REPORTED_ERRORS} more errors` },
      ];

export interface ImportRun<Out, Item> {
  db: Db;
  userId: string;
  /**
   * The organisation the records go to: one import at a time per organisation. Null for a
   * platform-wide registry (expert pool, broker registry) kept by staff: one import of the kind at a time.
   */
  organizationId: string | null;
  kind: string;
  mode?: string;
  /** Chosen by the client, so it can poll the job while the upload is processed. */
  jobId?: string;
  file: Buffer | null;
  /** The database has a second connection to write progress on while the insert transaction is open (PostgreSQL). */
  liveProgress?: boolean;
  /** The file → parsed rows (readWorkbook with the module's sheet). */
  read(file: Buffer): Promise<Array<ParsedRow<Out>> | FileProblem>;
  /** Checks across rows and against the database; by default every row's input as it is. */
  prepare?(rows: Array<ParsedRow<Out>>): Promise<{ items: Item[]; issues: RowIssue[] }>;
  /** Writes every item inside the one transaction (with its audit entries), calling `progress` now and then; returns the new ids. */
  insert(tx: Tx, items: Item[], progress: (done: number) => void): Promise<string[]>;
}

type JobStart = { jobId: string; userId: string; organizationId: string | null; kind: string; mode?: string };

/** A registry import (no organisation): the running check and the insert under one lock per kind. */
async function startRegistryJob(db: Db, run: JobStart) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`import:${run.kind}`}))`);
    const [taken] = await tx.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, run.jobId)).limit(1);
    if (taken) throw AppError.conflict('This import job id is already taken');
    const [running] = await tx
      .select({ id: importJobs.id, userId: importJobs.userId })
      .from(importJobs)
      .where(and(isNull(importJobs.organizationId), eq(importJobs.kind, run.kind), eq(importJobs.status, 'running')))
      .limit(1);
    if (running)
      throw AppError.conflict(
        `An import of this registry is already running${running.userId === run.userId ? ` (import job ${running.id})` : ''}; wait until it ends, then upload again`,
      );
    await tx.insert(importJobs).values({
      id: run.jobId,
      userId: run.userId,
      organizationId: null,
      kind: run.kind,
      mode: run.mode ?? null,
      status: 'running',
    });
  });
}

async function startJob(db: Db, run: JobStart) {
  if (run.organizationId === null) return startRegistryJob(db, run);
  const created = await db
    .insert(importJobs)
    .values({
      id: run.jobId,
      userId: run.userId,
      organizationId: run.organizationId,
      kind: run.kind,
      mode: run.mode ?? null,
      status: 'running',
    })
    .onConflictDoNothing()
    .returning({ id: importJobs.id });
  if (created.length) return;
  const [taken] = await db.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, run.jobId)).limit(1);
  if (taken) throw AppError.conflict('This import job id is already taken');
  const [running] = await db
    .select({ id: importJobs.id, userId: importJobs.userId })
    .from(importJobs)
    .where(and(eq(importJobs.organizationId, run.organizationId), eq(importJobs.status, 'running')))
    .limit(1);
  throw AppError.conflict(
    `An import for this organisation is already running${running?.userId === run.userId ? ` (import job ${running.id})` : ''}; wait until it ends, then upload again`,
  );
}

export async function runImport<Out, Item = Out>(run: ImportRun<Out, Item>): Promise<ImportResult> {
  const { db } = run;
  const jobId = run.jobId ?? newId();
  await startJob(db, { ...run, jobId });
  const headers = { 'x-import-job-id': jobId };
  try {
    const rows: Array<ParsedRow<Out>> | FileProblem = run.file?.length
      ? await run.read(run.file)
      : { limit: false, message: `is missing: send the .xlsx file as the request body with content-type ${XLSX_MIME}` };
    if (!Array.isArray(rows)) {
      const message = `The file ${rows.message}`;
      await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message }] });
      throw new AppError(rows.limit ? 'payload_too_large' : 'validation_failed', `file: ${message}`, {
        fields: [{ field: 'file', message }],
        headers,
      });
    }
    await db.update(importJobs).set({ total: rows.length }).where(eq(importJobs.id, jobId));
    const { items, issues } = run.prepare
      ? await run.prepare(rows)
      : { items: rows.map((r) => r.input as unknown as Item), issues: rows.flatMap((r) => r.issues) };
    if (issues.length) {
      const report = capped([...issues].sort((a, b) => a.row - b.row));
      await finishJob(db, jobId, 'failed', { errors: report, processed: rows.length });
      const fields: FieldError[] = report.map((i) =>
        i.row === 0 ? { field: i.field, message: i.message } : { field: `rows.${i.row}.${i.field}`, message: `第${i.row}行 ${i.message}` },
      );
      const bad = new Set(issues.map((i) => i.row)).size;
      throw new AppError('validation_failed', `${bad} of ${rows.length} rows have errors; nothing was imported (import job ${jobId})`, {
        fields,
        headers,
      });
    }
    const ids = await db.transaction((tx) => run.insert(tx, items, (done) => run.liveProgress && reportProgress(db, jobId, done)));
    await finishJob(db, jobId, 'succeeded', { processed: ids.length });
    return { jobId, imported: ids.length, ids };
  } catch (err) {
    // Whatever stopped the import, the job must not stay `running` (a no-op when already finished).
    await finishJob(db, jobId, 'failed', {
      errors: [{ row: 0, field: 'file', message: 'The import stopped on an unexpected error; nothing was imported' }],
    }).catch(() => undefined);
    throw err;
  }
}

export interface ImportJobView {
  id: string;
  kind: string;
  mode: string | null;
  status: JobStatus;
  total: number;
  processed: number;
  errors: RowIssue[];
  createdAt: string;
  finishedAt: string | null;
}

/** One import job of the given kinds, for the user who started it only (anyone else gets 404). */
export async function getImportJob(db: Db, opts: { userId: string; id: string; kinds: string[] }): Promise<ImportJobView> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, opts.id), eq(importJobs.userId, opts.userId), inArray(importJobs.kind, opts.kinds)))
    .limit(1);
  if (!job) throw AppError.notFound('Import job');
  return {
    id: job.id,
    kind: job.kind,
    mode: job.mode,
    status: job.status as JobStatus,
    total: job.total,
    processed: job.processed,
    errors: job.errors,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

/**
 * At boot: no import is running yet, so a job still `running` was cut off by a crash or a restart.
 * It is failed with the reason (shown on the job), which also frees its organisation for a new import.
 * One server process per database is assumed (as the scheduler's jobs are).
 */
export async function failInterruptedImports(db: Db): Promise<number> {
  const failed = await db
    .update(importJobs)
    .set({ status: 'failed', finishedAt: clock.now(), errors: [{ row: 0, field: 'file', message: INTERRUPTED }] })
    .where(eq(importJobs.status, 'running'))
    .returning({ id: importJobs.id });
  return failed.length;
}

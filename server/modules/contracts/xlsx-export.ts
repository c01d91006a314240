/**
 * The import template and the exports (in the import layout, so an export re-imports). An export
 * reads the matching ids in one statement, then the contracts in batches of EXPORT_BATCH (five
 * statements a batch, in a short read-only transaction), and streams the workbook to the client
 * while it reads.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { z } from 'zod';
import type { ExportQuery, MyExportQuery } from '../../../common/api/contracts.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { listContractIds, ownFilter, queueFilter, type ListFilter } from './queries.js';
import { loadContracts, type LoadedContract } from './records.js';
import { workbookBuffer, writeWorkbook } from '../../lib/spreadsheet/index.js';
import { contractSheet } from './xlsx-columns.js';
import { fieldsOf } from './xlsx.js';

export const EXPORT_BATCH = 1000;
/**
 * Rows one export may hold. About 30 s of streaming on PGlite, well under a sheet's 1,048,576 rows;
 * more is refused with a problem naming the filter to narrow (the year, for a registrar).
 */
export const EXPORT_MAX_ROWS = 100_000;

export async function buildImportTemplate(opts: { db: Db }): Promise<Buffer> {
  return workbookBuffer(contractSheet(await fieldsOf(opts.db)), null);
}

async function* batchesOf(db: Db, ids: string[], size: number, out: Writable): AsyncGenerator<LoadedContract[]> {
  for (let at = 0; at < ids.length; at += size) {
    if (out.destroyed) return; // the client went away: read no further
    const slice = ids.slice(at, at + size);
    // One snapshot per batch: a contract amended meanwhile is written either before or after, never mixed.
    yield await db.transaction((tx) => loadContracts(tx, slice), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }
}

/** Defaults EXPORT_MAX_ROWS and EXPORT_BATCH; tests use small ones. */
export interface ExportLimits {
  maxRows?: number;
  batchSize?: number;
}

/** Checks the size, then returns the workbook as a stream that fills while the batches are read. */
async function streamExport(
  opts: ExportLimits & { db: Db; filter: ListFilter | null; publicUrl: string; narrow: { field: string; message: string } },
): Promise<Readable> {
  const maxRows = opts.maxRows ?? EXPORT_MAX_ROWS;
  const ids = opts.filter ? await listContractIds(opts.db, opts.filter, maxRows + 1) : [];
  if (ids.length > maxRows) {
    const message = `the export would hold more than ${maxRows.toLocaleString('en')} contracts; ${opts.narrow.message}`;
    throw new AppError('validation_failed', `${opts.narrow.field}: ${message}`, { fields: [{ field: opts.narrow.field, message }] });
  }
  const fields = await fieldsOf(opts.db);
  const out = new PassThrough();
  // A failure halfway (the database going away) ends the download with an error; Fastify logs it.
  writeWorkbook(out, contractSheet(fields, opts.publicUrl), batchesOf(opts.db, ids, opts.batchSize ?? EXPORT_BATCH, out)).catch(
    (err: unknown) => out.destroy(err as Error),
  );
  return out;
}

/** The actor's organisations' contracts (any status, or one). */
export async function exportOwnContracts(
  opts: { db: Db; actor: Actor; query: z.infer<typeof MyExportQuery>; publicUrl: string } & ExportLimits,
): Promise<Readable> {
  return streamExport({
    ...opts,
    filter: ownFilter(opts.actor, opts.query),
    narrow: { field: 'query.status', message: 'export one status at a time' },
  });
}

/** The contracts at the registrar's points in one status (certified by default): re-imports as historical registrations. */
export async function exportRegisteredContracts(
  opts: { db: Db; actor: Actor; query: z.infer<typeof ExportQuery>; publicUrl: string } & ExportLimits,
): Promise<Readable> {
  const narrowed = opts.query.year !== undefined;
  return streamExport({
    ...opts,
    filter: queueFilter(opts.actor, opts.query),
    narrow: narrowed
      ? { field: 'query.q', message: 'narrow the year further with a search' }
      : { field: 'query.year', message: 'choose a certification year' },
  });
}

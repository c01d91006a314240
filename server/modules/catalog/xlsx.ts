/**
 * Bulk import and export of achievements and demands as xlsx, through the spreadsheet engine
 * (server/lib/spreadsheet): the sheets are declared in xlsx-columns.ts. An import is all or nothing:
 * every row is validated with AchievementInput / DemandInput first; only when all pass are the drafts
 * inserted, in one transaction, each with its audit entry.
 */
import type { Db } from '../../db/client.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import {
  codeLookup,
  getImportJob as jobOf,
  readWorkbook,
  runImport,
  workbookBuffer,
  type ImportResult,
} from '../../lib/spreadsheet/index.js';
import type { RecordKind } from './lifecycle.js';
import { indexedText, TABLES, type LoadedRecord } from './records.js';
import type { achievements } from './schema.js';
import { columnsFor, filingOrganization, listOwnRecords, listTechnicalFields } from './service.js';
import { catalogSheet, type RecordInput } from './xlsx-columns.js';

export { fenToWan, wanToFen } from './xlsx-columns.js';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, XLSX_MIME, type ImportResult, type RowIssue } from '../../lib/spreadsheet/index.js';

const INSERT_CHUNK = 200;
const KINDS = ['achievements', 'demands'];

export async function buildImportTemplate(opts: { db: Db; actor: Actor; kind: RecordKind }): Promise<Buffer> {
  requirePermission(opts.actor, 'catalog:file');
  return workbookBuffer(catalogSheet(opts.kind, await listTechnicalFields({ db: opts.db })), null);
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
  return workbookBuffer(catalogSheet(opts.kind, await listTechnicalFields({ db: opts.db })), records);
}

/**
 * Imports a workbook as drafts of the actor's organisation, all or nothing (see runImport).
 * `liveProgress`: the database has a second connection to write progress on while the insert
 * transaction is open (PostgreSQL; PGlite has one connection, and nobody can read until the
 * transaction ends anyway).
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
  const table = TABLES[kind] as typeof achievements;
  return runImport<RecordInput>({
    db,
    userId: actor.userId,
    organizationId: org.id,
    kind: `${kind}s`,
    jobId: opts.jobId,
    file: opts.file,
    liveProgress: opts.liveProgress,
    read: async (file) => {
      const fields = await listTechnicalFields({ db });
      return readWorkbook(catalogSheet(kind, fields), file, { ctx: { fieldCodes: codeLookup(fields) } });
    },
    insert: async (tx, inputs, progress) => {
      const ids = inputs.map(() => newId());
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
        progress(start + chunk.length);
      }
      return ids;
    },
  });
}

/** One import job, for the user who started it only (anyone else gets 404). */
export async function getImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'catalog:file');
  requireUser(opts.actor);
  const { mode: _mode, ...job } = await jobOf(opts.db, { userId: opts.actor.userId, id: opts.id, kinds: KINDS });
  return { ...job, kind: job.kind as 'achievements' | 'demands' };
}

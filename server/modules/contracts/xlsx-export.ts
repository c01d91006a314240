/** The import template and the exports (in the import layout, so an export re-imports). */
import type { z } from 'zod';
import type { ExportQuery } from '../../../common/api/contracts.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { listOwnContracts, listQueue } from './queries.js';
import { loadContracts } from './records.js';
import { writeWorkbook } from './xlsx-workbook.js';
import { fieldsOf } from './xlsx.js';

const PAGE = 200;

export async function buildImportTemplate(opts: { db: Db }): Promise<Buffer> {
  return writeWorkbook(await fieldsOf(opts.db), null);
}

/** The actor's organisations' contracts, any status. */
export async function exportOwnContracts(opts: { db: Db; actor: Actor; publicUrl: string }): Promise<Buffer> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await listOwnContracts({ db: opts.db, actor: opts.actor, query: { limit: PAGE, offset } });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < PAGE) break;
  }
  return writeWorkbook(await fieldsOf(opts.db), await loadContracts(opts.db, ids), opts.publicUrl);
}

/** The contracts at the registrar's points in one status (certified by default): re-imports as historical registrations. */
export async function exportRegisteredContracts(opts: { db: Db; actor: Actor; query: z.infer<typeof ExportQuery>; publicUrl: string }): Promise<Buffer> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await listQueue({ db: opts.db, actor: opts.actor, query: { ...opts.query, limit: PAGE, offset } });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < PAGE) break;
  }
  return writeWorkbook(await fieldsOf(opts.db), await loadContracts(opts.db, ids), opts.publicUrl);
}

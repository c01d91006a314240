import { asc, gt, sql } from 'drizzle-orm';
import type { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import type { Db } from '../../db/client.js';
import { SEARCH_VECTOR_VERSION } from '../../lib/text/vector.js';
import { getSystemState, setSystemState } from '../../lib/system-state.js';
import { indexedText, loadRecordsByIds, TABLES } from './records.js';
import type { RecordKind } from './lifecycle.js';
import { achievements } from './schema.js';

/**
 * Rebuilds stored search vectors when lib/text/vector.ts changed what a vector holds
 * (`SEARCH_VECTOR_VERSION` above the one recorded in system_state `search_vector_version`). The
 * vector is built in JS (jieba), so no migration can do it. Runs in the background after boot, in
 * batches by id, each batch one UPDATE; searches keep answering meanwhile (rows not yet rebuilt miss
 * only the character grams; a row edited meanwhile keeps the vector its edit wrote). Idempotent: two processes doing it at once write the same vectors.
 */
export const SEARCH_VECTOR_STATE = 'search_vector_version';
const BATCH = 50;

export async function searchVectorsStale(db: Db): Promise<boolean> {
  return Number((await getSystemState(db, SEARCH_VECTOR_STATE)) ?? 0) < SEARCH_VECTOR_VERSION;
}

export async function rebuildSearchVectors(db: Db, opts: { force?: boolean } = {}): Promise<{ rebuilt: number } | null> {
  if (!opts.force && !(await searchVectorsStale(db))) return null;
  let rebuilt = 0;
  for (const kind of ['achievement', 'demand'] as RecordKind[]) {
    const table = TABLES[kind] as typeof achievements;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await db.select({ id: table.id }).from(table).where(gt(table.id, after)).orderBy(asc(table.id)).limit(BATCH);
      if (batch.length === 0) break;
      const rows = await loadRecordsByIds(
        db,
        kind,
        batch.map((b) => b.id),
      );
      const values = rows.map(
        (r) =>
          sql`(${r.row.id}::uuid, ${r.row.updatedAt.toISOString()}::timestamptz, ${indexedText(kind, { ipAssets: [], ...r.row } as unknown as AchievementInput | DemandInput, r.organization.name)})`,
      );
      if (values.length)
        await db.execute(
          sql`UPDATE ${table} t SET search_vector = v.vec FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, updated_at, vec) WHERE t.id = v.id AND date_trunc('milliseconds', t.updated_at) = v.updated_at`,
        );
      rebuilt += rows.length;
      after = batch[batch.length - 1]!.id;
    }
  }
  await setSystemState(db, SEARCH_VECTOR_STATE, String(SEARCH_VECTOR_VERSION));
  return { rebuilt };
}

import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import type { RecordStatus } from '../../../common/catalog.js';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import { achievements, demands, technicalFields } from './schema.js';
import { organizationsJoinable, regionsJoinable } from '../organizations/repository.js';
import { searchVectorSql } from '../../lib/text/vector.js';
import type { RecordKind } from './lifecycle.js';

const organizations = organizationsJoinable();
const regions = regionsJoinable();

/** The two record tables behind one interface, so lifecycle, access and search treat them alike. */
export const TABLES = { achievement: achievements, demand: demands } as const;

/** A record's columns as loaded: everything but its search vector (the index's business, not the reader's). */
export type AchievementRow = Omit<typeof achievements.$inferSelect, 'searchVector'>;
export type DemandRow = Omit<typeof demands.$inferSelect, 'searchVector'>;
export type RecordRow<K extends RecordKind> = K extends 'achievement' ? AchievementRow : DemandRow;

export interface LoadedRecord<K extends RecordKind = RecordKind> {
  kind: K;
  row: RecordRow<K>;
  organization: { id: string; name: string; type: string };
  regionName: string;
  regionPath: string;
  fieldName: string;
}

function selectRecords(db: DbOrTx, kind: RecordKind) {
  const table = TABLES[kind] as typeof achievements;
  // Not the search vector: kilobytes per record (often out of line) that no reader uses.
  const { searchVector: _vector, ...columns } = getTableColumns(table);
  return db
    .select({
      row: columns,
      orgId: organizations.id,
      orgName: organizations.name,
      orgType: organizations.type,
      regionName: regions.name,
      regionPath: regions.path,
      fieldName: technicalFields.nameZh,
    })
    .from(table)
    .innerJoin(organizations, eq(organizations.id, table.organizationId))
    .innerJoin(regions, eq(regions.code, table.regionCode))
    .innerJoin(technicalFields, eq(technicalFields.code, table.fieldCode));
}

type Selected = Awaited<ReturnType<typeof selectRecords>>[number];

function toLoaded<K extends RecordKind>(kind: K, r: Selected): LoadedRecord<K> {
  return {
    kind,
    row: r.row as RecordRow<K>,
    organization: { id: r.orgId, name: r.orgName, type: r.orgType },
    regionName: r.regionName,
    regionPath: r.regionPath,
    fieldName: r.fieldName,
  };
}

/** One record with its organisation, region and field; `forUpdate` locks the row for a transition. */
export async function loadRecord<K extends RecordKind>(
  db: DbOrTx,
  kind: K,
  id: string,
  forUpdate = false,
): Promise<LoadedRecord<K> | null> {
  const table = TABLES[kind] as typeof achievements;
  const q = selectRecords(db, kind).where(eq(table.id, id)).limit(1);
  const [r] = forUpdate ? await q.for('update', { of: table }) : await q;
  return r ? toLoaded(kind, r) : null;
}

/**
 * Several records at once, in the order of `ids` (missing ids are skipped). On a database handle
 * (not a transaction) through a named prepared statement per kind: every search page loads its
 * records this way, and parsing and planning the four-table join cost as much as running it.
 */
export async function loadRecordsByIds<K extends RecordKind>(db: DbOrTx, kind: K, ids: string[]): Promise<LoadedRecord<K>[]> {
  if (ids.length === 0) return [];
  const table = TABLES[kind] as typeof achievements;
  const prepared = db instanceof PgTransaction ? null : loadsFor(db)[kind];
  const rows = prepared ? await prepared.execute({ ids }) : await selectRecords(db, kind).where(inArray(table.id, ids));
  const byId = new Map(rows.map((r) => [r.row.id, toLoaded(kind, r)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

function prepareLoads(db: Db) {
  const byIds = (kind: RecordKind) =>
    selectRecords(db, kind)
      .where(sql`${(TABLES[kind] as typeof achievements).id} = ANY(${sql.placeholder('ids')}::uuid[])`)
      .prepare(`catalog_load_${kind}s_by_ids`);
  return { achievement: byIds('achievement'), demand: byIds('demand') };
}
const preparedLoads = new WeakMap<Db, ReturnType<typeof prepareLoads>>();
function loadsFor(db: Db) {
  let found = preparedLoads.get(db);
  if (!found) preparedLoads.set(db, (found = prepareLoads(db)));
  return found;
}

export function facts(rec: LoadedRecord) {
  return {
    kind: rec.kind,
    organizationId: rec.row.organizationId,
    regionPath: rec.regionPath,
    status: rec.row.status as RecordStatus,
    restricted: rec.row.restricted,
  };
}

/** Text that goes into the search index for a record. */
export function indexedText(kind: RecordKind, input: AchievementInput | DemandInput, orgName: string) {
  const body =
    kind === 'achievement'
      ? [
          (input as AchievementInput).problemSolved,
          (input as AchievementInput).advantage,
          ...(input as AchievementInput).ipAssets.map((a) => a.title),
          orgName,
        ]
      : [orgName];
  return searchVectorSql({ title: input.title, keywords: input.keywords, summary: input.summary, body: body.filter(Boolean).join('\n') });
}

/**
 * The SQL other modules need over the catalog's tables (reads only; no business rules). Lookups return
 * rows; `technicalFieldsJoinable` is the field table as a derived table for another module's join.
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { RecordStatus } from '../../../common/catalog.js';
import type { RecordKind } from './lifecycle.js';
import { achievements, demands, technicalFields } from './schema.js';

const qb = new QueryBuilder();

/** Technical fields for another module's join: code, Chinese and English names. */
export function technicalFieldsJoinable(alias = 'technical_fields') {
  const f = technicalFields;
  return qb.select({ code: f.code, nameZh: f.nameZh, nameEn: f.nameEn }).from(f).as(alias);
}

/** The Chinese name of each technical field with one of these codes (every field when `codes` is undefined). */
export async function technicalFieldNames(db: DbOrTx, codes?: string[]): Promise<Map<string, string>> {
  if (codes?.length === 0) return new Map();
  const rows = await db
    .select({ code: technicalFields.code, name: technicalFields.nameZh })
    .from(technicalFields)
    .where(codes ? inArray(technicalFields.code, codes) : undefined);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Whether a technical field with this code exists. */
export async function technicalFieldExists(db: DbOrTx, code: string): Promise<boolean> {
  const [f] = await db.select({ code: technicalFields.code }).from(technicalFields).where(eq(technicalFields.code, code)).limit(1);
  return Boolean(f);
}

/** The title, summary and field of every achievement in one of these statuses. */
export async function achievementTexts(db: DbOrTx, statuses: readonly RecordStatus[]) {
  return db
    .select({ title: achievements.title, summary: achievements.summary, fieldCode: achievements.fieldCode })
    .from(achievements)
    .where(inArray(achievements.status, [...statuses]));
}

/** The technical field of each of these achievements. */
export async function achievementFieldCodes(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: achievements.id, fieldCode: achievements.fieldCode })
    .from(achievements)
    .where(inArray(achievements.id, ids));
  return new Map(rows.map((r) => [r.id, r.fieldCode]));
}

/** The record table of a kind, as a table reference for another module's raw SQL (search reads it as `r`). */
export function recordTableSql(kind: RecordKind): SQL {
  return sql`${kind === 'achievement' ? achievements : demands}`;
}

/** `(SELECT code …)`: the codes of these technical fields and of their children (an industry and its sub-industries). */
export function fieldsAndChildrenSql(codes: readonly string[]): SQL {
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`(SELECT ${technicalFields.code} FROM ${technicalFields} WHERE ${technicalFields.code} IN (${list}) OR ${technicalFields.parentCode} IN (${list}))`;
}

/** `(key, name)` rows naming every technical field as `field:<code>`, for a UNION of labels. */
export function fieldLabelsSql(): SQL {
  return sql`SELECT 'field:' || ${technicalFields.code}, ${technicalFields.nameZh} FROM ${technicalFields}`;
}

/**
 * The newest `published_at` among records in these statuses (null when none), as ISO text with
 * microseconds. One max() per (table, status): each is a backward probe of the (status,
 * published_at) index; a single max() over `status IN (…)` would scan every row.
 */
export async function newestPublishedAt(db: DbOrTx, statuses: readonly RecordStatus[]): Promise<string | null> {
  const probes = [achievements, demands].flatMap((t) =>
    statuses.map((s) => sql`(SELECT max(${t.publishedAt}) FROM ${t} WHERE ${t.status} = ${s})`),
  );
  const [row] = await queryRows<{ newest: string | null }>(db, sql`SELECT greatest(${sql.join(probes, sql`, `)})::text AS newest`);
  return row?.newest ?? null;
}

/** The distinct keywords of unrestricted records in these statuses, optionally only those published since `since`. */
export async function keywordsOfUnrestricted(db: DbOrTx, statuses: readonly RecordStatus[], since: SQL | null): Promise<string[]> {
  const list = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const part = (t: typeof achievements) =>
    sql`SELECT DISTINCT unnest(${t.keywords}) AS word FROM ${t} WHERE ${t.status} IN (${list}) AND NOT ${t.restricted} AND ${since ? sql`${t.publishedAt} >= ${since}` : sql`TRUE`}`;
  const rows = await queryRows<{ word: string }>(db, sql`${part(achievements)} UNION ${part(demands as unknown as typeof achievements)}`);
  return rows.map((r) => r.word);
}

/** Title, summary and field of the achievements published after `since` (newest first, at most `limit`). */
export async function achievementTextsPublishedAfter(db: DbOrTx, since: Date, limit: number) {
  return db
    .select({ title: achievements.title, summary: achievements.summary, fieldCode: achievements.fieldCode })
    .from(achievements)
    .where(sql`${achievements.status} IN ('published', 'in_trade', 'transferred') AND ${achievements.publishedAt} > ${since}`)
    .orderBy(sql`${achievements.publishedAt} DESC`, achievements.id)
    .limit(limit);
}

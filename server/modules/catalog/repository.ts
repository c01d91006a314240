/**
 * The SQL other modules need over the catalog's tables (reads only; no business rules). Lookups return
 * rows; `technicalFieldsJoinable` is the field table as a derived table for another module's join.
 */
import { eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { RecordStatus } from '../../../common/catalog.js';
import { achievements, technicalFields } from './schema.js';

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
  const rows = await db.select({ id: achievements.id, fieldCode: achievements.fieldCode }).from(achievements).where(inArray(achievements.id, ids));
  return new Map(rows.map((r) => [r.id, r.fieldCode]));
}

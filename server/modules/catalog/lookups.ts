import { and, asc, count, desc, eq, gte, inArray, like, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { regionsJoinable } from '../organizations/repository.js';
import { PUBLIC_STATUSES, type RecordKind } from './lifecycle.js';
import { canSeeRecord, partiesFor } from './policy.js';
import { facts, loadRecord, loadRecordsByIds, TABLES, type AchievementRow, type LoadedRecord } from './records.js';
import { achievements } from './schema.js';

/** What another module may know of a catalog record: enough to refer to it, nothing of its content. */
export interface RecordReference {
  kind: RecordKind;
  id: string;
  title: string;
  status: string;
  organizationId: string;
  organizationName: string;
}

/**
 * A published record the actor may see (restricted ones only for those allowed), or null: others use
 * this to open something on a record (a negotiation) without reading catalog's tables.
 */
export async function findPublishedRecord(db: DbOrTx, actor: Actor, kind: RecordKind, id: string): Promise<RecordReference | null> {
  const rec = await loadRecord(db, kind, id);
  if (!rec || rec.row.status !== 'published' || !canSeeRecord(actor, facts(rec))) return null;
  return {
    kind,
    id,
    title: rec.row.title,
    status: rec.row.status,
    organizationId: rec.row.organizationId,
    organizationName: rec.organization.name,
  };
}

/**
 * A record in any status the actor may see (404 rules of catalog's policy), with whether the actor is
 * among its owners: for files attached to it (favourites, attachments) without reading catalog's tables.
 */
export async function findVisibleRecord(
  db: DbOrTx,
  actor: Actor,
  kind: RecordKind,
  id: string,
): Promise<(RecordReference & { restricted: boolean; owned: boolean }) | null> {
  const rec = await loadRecord(db, kind, id);
  if (!rec) return null;
  const f = facts(rec);
  if (!canSeeRecord(actor, f)) return null;
  return {
    kind,
    id,
    title: rec.row.title,
    status: rec.row.status,
    organizationId: rec.row.organizationId,
    organizationName: rec.organization.name,
    restricted: f.restricted,
    owned: partiesFor(actor, f).includes('owner'),
  };
}

/**
 * An organisation's achievements first published in [from, to) (the annual transformation report's
 * block 2): title, public funding and IP kinds, whatever their status since.
 */
export async function achievementsPublishedBetween(db: DbOrTx, organizationId: string, from: Date, to: Date) {
  const rows = await db
    .select({
      id: achievements.id,
      title: achievements.title,
      publicFunding: achievements.publicFunding,
      ipAssets: achievements.ipAssets,
      publishedAt: achievements.publishedAt,
    })
    .from(achievements)
    .where(and(eq(achievements.organizationId, organizationId), gte(achievements.publishedAt, from), lt(achievements.publishedAt, to)))
    .orderBy(asc(achievements.publishedAt), asc(achievements.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publicFunding: r.publicFunding,
    ipKinds: [...new Set(r.ipAssets.map((a) => a.kind))],
    publishedAt: r.publishedAt!,
  }));
}

/** What matching an investor's preferences needs of a published, unrestricted achievement. */
export interface AchievementForFinance {
  id: string;
  title: string;
  fieldCode: string;
  trl: number;
  regionCode: string;
  priceFen: number | null;
  organizationId: string;
}

/**
 * Published, unrestricted achievements in fields starting with one of `fieldPrefixes` (any field when
 * empty), newest first: candidates for an investor's matches (finance).
 */
export async function publishedAchievementsInFields(
  db: DbOrTx,
  opts: { fieldPrefixes: string[]; limit: number },
): Promise<AchievementForFinance[]> {
  const a = achievements;
  return db
    .select({
      id: a.id,
      title: a.title,
      fieldCode: a.fieldCode,
      trl: a.trl,
      regionCode: a.regionCode,
      priceFen: a.priceFen,
      organizationId: a.organizationId,
    })
    .from(a)
    .where(
      and(
        eq(a.status, 'published'),
        eq(a.restricted, false),
        opts.fieldPrefixes.length ? or(...opts.fieldPrefixes.map((p) => like(a.fieldCode, `${p}%`))) : undefined,
      ),
    )
    .orderBy(desc(a.publishedAt), a.id)
    .limit(opts.limit) as Promise<AchievementForFinance[]>;
}

/** What export control screens of an achievement: its words and its owner (any status; the screener is checked by export control). */
export async function achievementForScreening(db: DbOrTx, id: string) {
  const rec = await loadRecord(db, 'achievement', id);
  if (!rec) return null;
  const row = rec.row as AchievementRow;
  return {
    id,
    title: row.title,
    organizationId: row.organizationId,
    status: row.status,
    keywords: row.keywords,
    fieldName: rec.fieldName,
    body: [row.summary, row.problemSolved, row.advantage, ...row.ipAssets.map((a) => a.title)].filter(Boolean).join('\n'),
  };
}

/**
 * A page of records the public sees (public statuses, not restricted), most recently changed first,
 * for feeds other markets pull: changed since `since`, in a technical field, in a region subtree.
 * Fetches one more than `limit` to tell whether a next page exists.
 */
export async function publicRecordsPage<K extends RecordKind>(
  db: DbOrTx,
  kind: K,
  q: { since?: Date; fieldCode?: string; regionCode?: string; limit: number; offset: number },
): Promise<{ records: LoadedRecord<K>[]; more: boolean }> {
  const t = TABLES[kind] as typeof achievements;
  const r = regionsJoinable('feed_region');
  const ids = await db
    .select({ id: t.id })
    .from(t)
    .innerJoin(r, eq(r.code, t.regionCode))
    .where(
      and(
        inArray(t.status, [...PUBLIC_STATUSES]),
        eq(t.restricted, false),
        q.since ? gte(t.updatedAt, q.since) : undefined,
        q.fieldCode ? eq(t.fieldCode, q.fieldCode) : undefined,
        q.regionCode ? like(r.path, `%/${q.regionCode}/%`) : undefined,
      ),
    )
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(q.limit + 1)
    .offset(q.offset);
  const records = await loadRecordsByIds(
    db,
    kind,
    ids.slice(0, q.limit).map((x) => x.id),
  );
  return { records, more: ids.length > q.limit };
}

/** The keywords of every public, unrestricted record (achievements and demands), one list per record: what search learns synonyms from. */
export async function publicRecordKeywords(db: DbOrTx): Promise<string[][]> {
  const out: string[][] = [];
  for (const kind of ['achievement', 'demand'] as const) {
    const t = TABLES[kind] as typeof achievements;
    const rows = await db
      .select({ keywords: t.keywords })
      .from(t)
      .where(and(inArray(t.status, [...PUBLIC_STATUSES]), eq(t.restricted, false)));
    for (const r of rows) out.push(r.keywords);
  }
  return out;
}

/** How many records of a kind the public sees on the market now: published, not restricted (the portal's figures). */
export async function countPublishedRecords(db: DbOrTx, kind: RecordKind): Promise<number> {
  const t = TABLES[kind] as typeof achievements;
  const [row] = await db
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.status, 'published'), eq(t.restricted, false)));
  return row?.n ?? 0;
}

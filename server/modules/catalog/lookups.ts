import { and, desc, eq, like, or } from 'drizzle-orm';
import { achievements } from './schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import type { RecordKind } from './lifecycle.js';
import { canSeeRecord } from './policy.js';
import { facts, loadRecord } from './records.js';

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

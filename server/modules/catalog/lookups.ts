import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import type { RecordKind } from './lifecycle.js';
import { canSeeRecord } from './policy.js';
import { facts, loadRecord, type AchievementRow } from './records.js';

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

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

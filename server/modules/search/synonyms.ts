import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SynonymGroupView as View } from '../../../common/api/search.js';

type SynonymGroupView = z.infer<typeof View>;
import type { Db } from '../../db/client.js';
import { synonymGroups } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { normalizeTerm } from './query.js';

/**
 * Synonym groups (锂电池 ~ 锂离子电池), curated by holders of `catalog:curate`. A query term expands
 * to its whole group. Groups are disjoint: a term belongs to at most one group.
 *
 * Each process caches the groups for CACHE_TTL_MS; a change made through this process is visible
 * at once, one made through another process within the TTL (the table is small, reloading is cheap).
 */
const CACHE_TTL_MS = 5_000;
/** Advisory lock serialising group edits (see lib/audit.ts and db/client.ts for the others). */
export const SYNONYM_EDIT_LOCK = sql`SELECT pg_advisory_xact_lock(727274010)`;

type Row = typeof synonymGroups.$inferSelect;
const present = (r: Row): SynonymGroupView => ({ id: r.id, terms: r.terms, createdAt: r.createdAt.toISOString() });
/** Map key: the term as the tokenizer sees it, without spaces (tokens are joined without them). */
export const keyOf = (term: string) => normalizeTerm(term).replace(/\s+/g, '');

const caches = new WeakMap<Db, { at: number; map: Map<string, string[]> }>();

/** normalised term → all terms of its group; cached per process and database. */
export async function synonymMap(db: Db): Promise<ReadonlyMap<string, readonly string[]>> {
  const now = Date.now();
  const cache = caches.get(db);
  if (cache && now - cache.at < CACHE_TTL_MS) return cache.map;
  const rows = await db.select({ terms: synonymGroups.terms }).from(synonymGroups);
  const map = new Map<string, string[]>();
  for (const { terms } of rows) {
    const group = [...new Set(terms.map(normalizeTerm))];
    for (const t of group) map.set(keyOf(t), [...new Set([...(map.get(keyOf(t)) ?? []), ...group])]);
  }
  caches.set(db, { at: now, map });
  return map;
}

export const invalidateSynonyms = (db: Db) => {
  caches.delete(db);
};

export async function listSynonymGroups(opts: { db: Db; actor: Actor }): Promise<SynonymGroupView[]> {
  requirePermission(opts.actor, 'catalog:curate');
  const rows = await opts.db.select().from(synonymGroups).orderBy(asc(synonymGroups.createdAt), asc(synonymGroups.id));
  return rows.map(present);
}

export async function createSynonymGroup(opts: { db: Db; actor: Actor; terms: string[] }): Promise<SynonymGroupView> {
  requirePermission(opts.actor, 'catalog:curate');
  const terms = [...new Set(opts.terms.map(normalizeTerm).filter((t) => t !== ''))];
  if (terms.length < 2) throw AppError.validation('body.terms', 'a synonym group needs at least two different terms');
  const id = newId();
  await opts.db.transaction(async (tx) => {
    // Serialise group edits so two concurrent requests cannot put one term into two groups.
    await tx.execute(SYNONYM_EDIT_LOCK);
    const existing = await tx.select().from(synonymGroups);
    for (const g of existing) {
      const clash = g.terms.map(keyOf).find((t) => terms.some((n) => keyOf(n) === t));
      if (clash)
        throw AppError.conflict(
          `"${clash}" is already in a synonym group (${g.terms.join(', ')}); delete that group or add the terms there`,
        );
    }
    await tx.insert(synonymGroups).values({ id, terms });
    await writeAudit(tx, opts.actor, { action: 'synonym_group.create', entity: 'synonym_group', entityId: id, after: { terms } });
  });
  invalidateSynonyms(opts.db);
  const [row] = await opts.db.select().from(synonymGroups).where(eq(synonymGroups.id, id));
  return present(row!);
}

export async function deleteSynonymGroup(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  requirePermission(opts.actor, 'catalog:curate');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(synonymGroups).where(eq(synonymGroups.id, opts.id)).returning();
    if (!row) throw AppError.notFound('Synonym group');
    await writeAudit(tx, opts.actor, {
      action: 'synonym_group.delete',
      entity: 'synonym_group',
      entityId: opts.id,
      before: { terms: row.terms },
    });
  });
  invalidateSynonyms(opts.db);
}

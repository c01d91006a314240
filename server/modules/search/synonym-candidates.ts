import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { publicRecordKeywords } from '../catalog/lookups.js';
import { synonymCandidates, synonymGroups } from './schema.js';
import { learnSynonymCandidates } from './synonym-learning.js';
import { invalidateSynonyms, keyOf, SYNONYM_EDIT_LOCK } from './synonyms.js';

/**
 * Synonym candidates learned from the catalogue (synonym-learning.ts), listed for holders of
 * `catalog:curate` beside the synonym groups. Nothing learned is used by search until an admin
 * accepts it: accepting merges the pair into a synonym group (the group search already expands),
 * rejecting keeps the pair from being proposed again. Every step is audited.
 */
export const CANDIDATE_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export type CandidateDecision = 'accept' | 'reject';

/** The lifecycle: only a pending candidate is decided, once. */
const TRANSITIONS: Record<CandidateDecision, { from: readonly CandidateStatus[]; to: CandidateStatus }> = {
  accept: { from: ['pending'], to: 'accepted' },
  reject: { from: ['pending'], to: 'rejected' },
};

type Row = typeof synonymCandidates.$inferSelect;
export interface SynonymCandidateView {
  id: string;
  terms: [string, string];
  source: 'abbreviation' | 'cooccurrence';
  score: number;
  evidence: Record<string, unknown>;
  status: CandidateStatus;
  groupId: string | null;
  decidedAt: string | null;
  createdAt: string;
}
const present = (r: Row): SynonymCandidateView => ({
  id: r.id,
  terms: [r.termA, r.termB],
  source: r.source as SynonymCandidateView['source'],
  score: r.score,
  evidence: r.evidence as Record<string, unknown>,
  status: r.status as CandidateStatus,
  groupId: r.groupId,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Reads the catalogue's keywords and stores the candidates not seen before and not already synonyms. */
export async function learnCandidates(opts: { db: Db; actor: Actor }): Promise<{ proposed: number; added: number }> {
  requirePermission(opts.actor, 'catalog:curate');
  const learned = learnSynonymCandidates(await publicRecordKeywords(opts.db));
  return opts.db.transaction(async (tx) => {
    const known = new Set(
      (await tx.select({ a: synonymCandidates.termA, b: synonymCandidates.termB }).from(synonymCandidates)).map(
        (r) => `${r.a}\u0000${r.b}`,
      ),
    );
    const groupOf = new Map<string, string>();
    for (const g of await tx.select().from(synonymGroups)) for (const t of g.terms) groupOf.set(keyOf(t), g.id);
    const now = clock.now();
    const fresh = learned.filter(({ terms: [a, b] }) => {
      const ga = groupOf.get(keyOf(a));
      return !known.has(`${a}\u0000${b}`) && !known.has(`${b}\u0000${a}`) && !(ga && ga === groupOf.get(keyOf(b)));
    });
    if (fresh.length > 0) {
      await tx.insert(synonymCandidates).values(
        fresh.map((c) => ({
          id: newId(),
          termA: c.terms[0],
          termB: c.terms[1],
          source: c.source,
          evidence: c.evidence,
          score: c.score,
          status: 'pending',
          createdAt: now,
        })),
      );
    }
    await writeAudit(tx, opts.actor, {
      action: 'synonym_candidate.learn',
      entity: 'synonym_candidate',
      entityId: 'catalogue',
      after: { proposed: learned.length, added: fresh.length },
    });
    return { proposed: learned.length, added: fresh.length };
  });
}

export async function listCandidates(opts: {
  db: Db;
  actor: Actor;
  status: CandidateStatus;
  limit: number;
}): Promise<SynonymCandidateView[]> {
  requirePermission(opts.actor, 'catalog:curate');
  const rows = await opts.db
    .select()
    .from(synonymCandidates)
    .where(eq(synonymCandidates.status, opts.status))
    .orderBy(desc(synonymCandidates.score), synonymCandidates.termA, synonymCandidates.termB)
    .limit(opts.limit);
  return rows.map(present);
}

/**
 * Accepts (the pair joins a synonym group: a new one, or the group one of its terms is in) or
 * rejects a pending candidate. Two terms already in two different groups are a conflict the admin
 * resolves on the synonym groups.
 */
export async function decideCandidate(opts: {
  db: Db;
  actor: Actor;
  id: string;
  decision: CandidateDecision;
}): Promise<SynonymCandidateView> {
  requirePermission(opts.actor, 'catalog:curate');
  const rule = TRANSITIONS[opts.decision];
  const row = await opts.db.transaction(async (tx) => {
    await tx.execute(SYNONYM_EDIT_LOCK);
    const [c] = await tx.select().from(synonymCandidates).where(eq(synonymCandidates.id, opts.id)).for('update');
    if (!c) throw AppError.notFound('Synonym candidate');
    if (!rule.from.includes(c.status as CandidateStatus)) throw AppError.conflict(`This candidate was already ${c.status}`);
    let groupId: string | null = null;
    if (opts.decision === 'accept') {
      const terms = [c.termA, c.termB];
      const groups = (await tx.select().from(synonymGroups)).filter((g) => g.terms.some((t) => terms.some((n) => keyOf(n) === keyOf(t))));
      if (groups.length > 1) {
        throw AppError.conflict(
          `"${c.termA}" and "${c.termB}" are in two synonym groups (${groups.map((g) => g.terms.join('、')).join(' / ')}); merge them there`,
        );
      }
      const group = groups[0];
      if (group) {
        const merged = [...group.terms, ...terms.filter((n) => !group.terms.some((t) => keyOf(t) === keyOf(n)))];
        await tx.update(synonymGroups).set({ terms: merged }).where(eq(synonymGroups.id, group.id));
        await writeAudit(tx, opts.actor, {
          action: 'synonym_group.update',
          entity: 'synonym_group',
          entityId: group.id,
          before: { terms: group.terms },
          after: { terms: merged, candidateId: c.id },
        });
        groupId = group.id;
      } else {
        groupId = newId();
        await tx.insert(synonymGroups).values({ id: groupId, terms });
        await writeAudit(tx, opts.actor, {
          action: 'synonym_group.create',
          entity: 'synonym_group',
          entityId: groupId,
          after: { terms, candidateId: c.id },
        });
      }
    }
    const [updated] = await tx
      .update(synonymCandidates)
      .set({ status: rule.to, groupId, decidedBy: opts.actor.userId, decidedAt: clock.now() })
      .where(and(eq(synonymCandidates.id, c.id), inArray(synonymCandidates.status, [...rule.from])))
      .returning();
    await writeAudit(tx, opts.actor, {
      action: `synonym_candidate.${opts.decision}`,
      entity: 'synonym_candidate',
      entityId: c.id,
      before: { status: c.status },
      after: { status: rule.to, terms: [c.termA, c.termB], source: c.source, groupId },
    });
    return updated!;
  });
  invalidateSynonyms(opts.db);
  return present(row);
}

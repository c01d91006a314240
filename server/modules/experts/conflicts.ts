/**
 * Who may not review whom (回避), and the order of the draw: pure rules, tested at their boundaries.
 */

/**
 * Co-authorship bars an expert when it is recent: in the current year or the `CO_AUTHORSHIP_YEARS`
 * years before it (近三年内合作). Three years is the window that national expert-review avoidance
 * practice uses for recent co-operation; a platform parameter here, adjustable per deployment.
 */
export const CO_AUTHORSHIP_YEARS = 3;

export interface Parties {
  organizationIds: readonly string[];
  userIds: readonly string[];
}

export interface ExpertForConflict {
  userId: string | null;
  organizationId: string | null;
  relations: ReadonlyArray<{ kind: string; organizationId: string | null; userId: string | null; year: number | null; partyName: string }>;
}

export type ConflictReason = 'same_organization' | 'is_party' | 'declared_relation' | 'recent_coauthorship';

/** Why the expert may not review the parties, or null. `year` is the current calendar year. */
export function conflictOf(expert: ExpertForConflict, parties: Parties, year: number): ConflictReason | null {
  const org = (id: string | null) => id !== null && parties.organizationIds.includes(id);
  const user = (id: string | null) => id !== null && parties.userIds.includes(id);
  if (user(expert.userId)) return 'is_party';
  if (org(expert.organizationId)) return 'same_organization';
  for (const r of expert.relations) {
    if (!org(r.organizationId) && !user(r.userId)) continue;
    if (r.kind === 'relation') return 'declared_relation';
    if (r.kind === 'coauthorship' && r.year !== null && r.year >= year - CO_AUTHORSHIP_YEARS) return 'recent_coauthorship';
  }
  return null;
}

/**
 * The draw: candidates in random order, then (stable) those with fewer open assignments first, so
 * the workload evens out and ties are broken at random. Takes the first `size`.
 */
export function drawOrder<T extends { openAssignments: number }>(candidates: readonly T[], size: number, random: () => number): T[] {
  const shuffled = [...candidates];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled.sort((a, b) => a.openAssignments - b.openAssignments).slice(0, size);
}

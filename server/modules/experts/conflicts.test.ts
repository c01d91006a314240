import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random.js';
import { CO_AUTHORSHIP_YEARS, conflictOf, drawOrder, type ExpertForConflict } from './conflicts.js';

const parties = { organizationIds: ['org-applicant'], userIds: ['user-applicant'] };
const expert = (over: Partial<ExpertForConflict> = {}): ExpertForConflict => ({
  userId: 'user-expert',
  organizationId: 'org-university',
  relations: [],
  ...over,
});
const rel = (kind: string, over: { organizationId?: string | null; userId?: string | null; year?: number | null } = {}) => ({
  kind,
  organizationId: over.organizationId ?? null,
  userId: over.userId ?? null,
  year: over.year ?? null,
  partyName: '某单位',
});

describe('conflictOf', () => {
  it('an unrelated expert is free', () => expect(conflictOf(expert(), parties, 2026)).toBeNull());

  it('same organisation as an excluded party', () =>
    expect(conflictOf(expert({ organizationId: 'org-applicant' }), parties, 2026)).toBe('same_organization'));

  it('the expert is an excluded person', () => expect(conflictOf(expert({ userId: 'user-applicant' }), parties, 2026)).toBe('is_party'));

  it('a declared relation with the organisation or the person, whatever its year', () => {
    expect(conflictOf(expert({ relations: [rel('relation', { organizationId: 'org-applicant' })] }), parties, 2026)).toBe(
      'declared_relation',
    );
    expect(conflictOf(expert({ relations: [rel('relation', { userId: 'user-applicant', year: 1990 })] }), parties, 2026)).toBe(
      'declared_relation',
    );
  });

  it('a relation with someone else is no conflict', () =>
    expect(conflictOf(expert({ relations: [rel('relation', { organizationId: 'org-other' })] }), parties, 2026)).toBeNull());

  it(`co-authorship counts for the current year and ${CO_AUTHORSHIP_YEARS} years back, not one more`, () => {
    const co = (year: number) => expert({ relations: [rel('coauthorship', { userId: 'user-applicant', year })] });
    expect(conflictOf(co(2026), parties, 2026)).toBe('recent_coauthorship');
    expect(conflictOf(co(2026 - CO_AUTHORSHIP_YEARS), parties, 2026)).toBe('recent_coauthorship');
    expect(conflictOf(co(2026 - CO_AUTHORSHIP_YEARS - 1), parties, 2026)).toBeNull();
  });

  it('co-authorship without a year is not counted as recent', () =>
    expect(conflictOf(expert({ relations: [rel('coauthorship', { organizationId: 'org-applicant' })] }), parties, 2026)).toBeNull());
});

describe('drawOrder', () => {
  const pool = [
    { id: 'a', openAssignments: 2 },
    { id: 'b', openAssignments: 0 },
    { id: 'c', openAssignments: 1 },
    { id: 'd', openAssignments: 0 },
  ];

  it('takes the least loaded first, whatever the random order', () => {
    for (const r of [() => 0, () => 0.999, Math.random]) {
      const drawn = drawOrder(pool, 2, r).map((e) => e.id);
      expect(drawn.sort()).toEqual(['b', 'd']);
      expect(drawOrder(pool, 3, r)[2]!.id).toBe('c');
    }
  });

  it('breaks ties at random', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) seen.add(drawOrder(pool, 1, createRandom(seed))[0]!.id);
    expect(seen).toEqual(new Set(['b', 'd']));
  });

  it('never draws more than the pool', () => expect(drawOrder(pool, 9, Math.random)).toHaveLength(4));
});

import { describe, expect, it } from 'vitest';
import { cellsToSuppress, determinedCells, type Relation, type SuppressibleCell } from './suppression.js';

const cell = (contracts: number, contractAmountFen = contracts * 100): SuppressibleCell => ({ contracts, contractAmountFen });
/** parts[...] − total = 0 */
const partition = (parts: number[], total: number): Relation => [...parts.map((p) => [p, 1] as const), [total, -1] as const];

/**
 * Every combination of the relations with coefficients −1, 0 or +1 (what a reader can do by adding
 * and subtracting published tables): the withheld cells it leaves with a non-zero weight. A
 * combination that leaves exactly one withheld cell gives that cell away. Independent of the
 * elimination the module uses.
 */
function revealedBySubtraction(relations: Relation[], hidden: Set<number>, cells: SuppressibleCell[]): number[] {
  const revealed = new Set<number>();
  const n = relations.length;
  for (let code = 1; code < 3 ** n; code++) {
    const weight = new Map<number, number>();
    let c = code;
    for (let r = 0; r < n; r++) {
      const k = (c % 3) - 1;
      c = Math.floor(c / 3);
      if (!k) continue;
      for (const [i, coef] of relations[r]!) weight.set(i, (weight.get(i) ?? 0) + k * coef);
    }
    const unknown = [...weight].filter(([i, w]) => w !== 0 && hidden.has(i));
    if (unknown.length === 1 && cells[unknown[0]![0]]!.contracts > 0) revealed.add(unknown[0]![0]);
  }
  return [...revealed];
}

describe('primary and complementary suppression (minimum 3 contracts)', () => {
  it('hides nothing when every cell is large enough, and keeps empty cells', () => {
    const cells = [cell(3), cell(0), cell(40), cell(43)];
    expect([...cellsToSuppress(cells, [partition([0, 1, 2], 3)], 3)]).toEqual([]);
  });

  it('one small part: hidden with the smallest other non-empty part, the total stays', () => {
    const cells = [cell(1), cell(9), cell(4), cell(0), cell(14)];
    expect([...cellsToSuppress(cells, [partition([0, 1, 2, 3], 4)], 3)].sort()).toEqual([0, 2]);
  });

  it('two small parts protect each other', () => {
    const cells = [cell(2), cell(1), cell(30), cell(33)];
    expect([...cellsToSuppress(cells, [partition([0, 1, 2], 3)], 3)].sort()).toEqual([0, 1]);
  });

  it('a small part whose only sibling is empty takes the total with it', () => {
    const cells = [cell(2), cell(0), cell(2)];
    const hidden = cellsToSuppress(cells, [partition([0, 1], 2)], 3);
    // The total is itself small here (2 contracts).
    expect(hidden.has(0) && hidden.has(2)).toBe(true);
  });

  it('a small year total is hidden even without relations', () => {
    expect([...cellsToSuppress([cell(2), cell(12)], [], 3)]).toEqual([0]);
  });
});

describe('the case the domain audit found: one export contract of ¥3.00M', () => {
  // Output side of 2026: flows within the city 1 contract (¥3.00M), to Beijing 5, abroad 4; districts
  // 滨海 6 and 南开 4; types development 7 and transfer 3; total 10. Absorption side: within 1 (the
  // same contract), from Beijing 8; districts 和平 9 = the total is 9.
  const M = 1_000_000;
  const cells: SuppressibleCell[] = [
    /* 0 */ cell(10, 50 * M), // output total
    /* 1 */ cell(1, 3 * M), // output flow: within
    /* 2 */ cell(5, 27 * M), // output flow: Beijing
    /* 3 */ cell(4, 20 * M), // output flow: abroad
    /* 4 */ cell(6, 30 * M), // output district 滨海
    /* 5 */ cell(4, 20 * M), // output district 南开
    /* 6 */ cell(7, 35 * M), // output type development
    /* 7 */ cell(3, 15 * M), // output type transfer
    /* 8 */ cell(9, 40 * M), // absorption total
    /* 9 */ cell(1, 3 * M), // absorption flow: within (the same contract)
    /* 10 */ cell(8, 37 * M), // absorption flow: Beijing
    /* 11 */ cell(9, 40 * M), // absorption district 和平
  ];
  const relations: Relation[] = [
    partition([1, 2, 3], 0),
    partition([4, 5], 0),
    partition([6, 7], 0),
    partition([9, 10], 8),
    partition([11], 8),
    [
      [1, 1],
      [9, -1],
    ],
  ];

  it('the old rule (one table at a time) left the within cell derivable from the other side', () => {
    // Hiding within (output) and its table's smallest sibling only: absorption's within still equals it.
    const old = new Set([1, 3]);
    expect(revealedBySubtraction(relations, old, cells)).toContain(1);
  });

  it('no withheld cell can be worked out by any addition or subtraction of published cells', () => {
    const hidden = cellsToSuppress(cells, relations, 3);
    expect(hidden.has(1) && hidden.has(9)).toBe(true);
    expect(revealedBySubtraction(relations, hidden, cells)).toEqual([]);
    expect(determinedCells(relations, hidden).filter((i) => cells[i]!.contracts > 0)).toEqual([]);
    // And it withholds a small complement, not whole tables.
    expect(hidden.size).toBeLessThanOrEqual(5);
  });

  it('holds for random tables too (property: elimination agrees with brute-force subtraction)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 150; round++) {
      const parts = 2 + Math.floor(rnd() * 4);
      const cellsR: SuppressibleCell[] = [];
      const rels: Relation[] = [];
      const totals: number[] = [];
      for (let side = 0; side < 2; side++) {
        const values = Array.from({ length: parts }, () => Math.floor(rnd() * 7));
        const total = values.reduce((s, v) => s + v, 0);
        const first = cellsR.length;
        values.forEach((v) => cellsR.push(cell(v)));
        cellsR.push(cell(total));
        totals.push(cellsR.length - 1);
        rels.push(
          partition(
            values.map((_, k) => first + k),
            cellsR.length - 1,
          ),
        );
      }
      // The first part of side 0 is the same contracts as the first part of side 1, when equal.
      if (cellsR[0]!.contracts === cellsR[parts + 1]!.contracts)
        rels.push([
          [0, 1],
          [parts + 1, -1],
        ]);
      const hidden = cellsToSuppress(cellsR, rels, 3);
      expect(revealedBySubtraction(rels, hidden, cellsR)).toEqual([]);
      for (const [i, c] of cellsR.entries()) if (c.contracts > 0 && c.contracts < 3) expect(hidden.has(i)).toBe(true);
    }
  });
});

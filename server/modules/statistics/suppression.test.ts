import { describe, expect, it } from 'vitest';
import { cellsToSuppress, type SuppressibleCell } from './suppression.js';

const cell = (group: string, contracts: number, contractAmountFen = contracts * 100): SuppressibleCell => ({ group, contracts, contractAmountFen });

describe('open-data small-cell suppression (minimum 3 contracts)', () => {
  const cases: Array<{ name: string; cells: SuppressibleCell[]; suppressed: number[] }> = [
    { name: 'every cell large enough: nothing hidden', cells: [cell('a', 3), cell('a', 10), cell('a', 40)], suppressed: [] },
    { name: 'empty cells stay published', cells: [cell('a', 0), cell('a', 5), cell('a', 8)], suppressed: [] },
    { name: 'one contract: hidden, and the smallest other cell with it', cells: [cell('a', 1), cell('a', 9), cell('a', 4)], suppressed: [0, 2] },
    { name: 'two small cells protect each other', cells: [cell('a', 2), cell('a', 1), cell('a', 30)], suppressed: [0, 1] },
    { name: 'complement ties broken by the smaller amount', cells: [cell('a', 2), cell('a', 5, 900), cell('a', 5, 300)], suppressed: [0, 2] },
    { name: 'an empty cell is no complement', cells: [cell('a', 1), cell('a', 0), cell('a', 7)], suppressed: [0, 2] },
    { name: 'groups are independent', cells: [cell('a', 1), cell('a', 6), cell('b', 6), cell('b', 7)], suppressed: [0, 1] },
    { name: 'a lone small cell in its group is hidden alone (no other cell to add)', cells: [cell('a', 2), cell('b', 9)], suppressed: [0] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect([...cellsToSuppress(c.cells, 3)].sort((a, b) => a - b)).toEqual(c.suppressed);
    });
  }

  it('never leaves a group with exactly one hidden non-empty cell when another could hide it', () => {
    for (let seed = 1; seed < 200; seed++) {
      const cells = Array.from({ length: 2 + (seed % 7) }, (_, i) => cell('g', (seed * (i + 3)) % 6));
      const hidden = [...cellsToSuppress(cells, 3)];
      const others = cells.filter((c, i) => !hidden.includes(i) && c.contracts > 0);
      if (hidden.length === 1) expect(others).toHaveLength(0);
      for (const [i, c] of cells.entries()) if (c.contracts > 0 && c.contracts < 3) expect(hidden).toContain(i);
    }
  });
});

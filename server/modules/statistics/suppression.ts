/**
 * Small-cell suppression for open data. A published cell aggregating 1 or 2 contracts would come
 * close to publishing a single contract's amount, so:
 * 1. primary: a cell with more than 0 and fewer than `min` contracts is suppressed;
 * 2. secondary: cells in one group add up to a published margin (the city's total for that year and
 *    side), so a group with exactly one suppressed cell would give it away by subtraction; the
 *    group's smallest other non-empty cell is suppressed as well.
 * Empty cells (0 contracts) reveal nothing and stay published.
 */
export interface SuppressibleCell {
  group: string;
  contracts: number;
  contractAmountFen: number;
}

/** Indices of the cells to suppress. */
export function cellsToSuppress(cells: readonly SuppressibleCell[], min: number): Set<number> {
  const out = new Set<number>();
  cells.forEach((c, i) => {
    if (c.contracts > 0 && c.contracts < min) out.add(i);
  });
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => groups.set(c.group, [...(groups.get(c.group) ?? []), i]));
  for (const members of groups.values()) {
    const hidden = members.filter((i) => out.has(i));
    if (hidden.length !== 1) continue;
    const candidates = members
      .filter((i) => !out.has(i) && cells[i]!.contracts > 0)
      .sort((a, b) => cells[a]!.contracts - cells[b]!.contracts || cells[a]!.contractAmountFen - cells[b]!.contractAmountFen || a - b);
    if (candidates.length) out.add(candidates[0]!);
  }
  return out;
}

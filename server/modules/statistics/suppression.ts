/**
 * Small-cell suppression for open data, with complementary cells across tables, sides and totals.
 *
 * A published cell aggregating 1 or 2 contracts would come close to publishing a single contract, so
 * such a cell is withheld (primary suppression). Withholding it is not enough when published cells
 * add up: the district, type and flow tables of a year each partition that year's total, and the
 * output side's "within the city" cell holds the very contracts of the absorption side's. Whoever
 * reads the published cells can solve those equations. So the equations are written down
 * (`relations`), and while any withheld cell is still determined by them — its value follows from the
 * published ones by any combination of additions and subtractions, found by Gaussian elimination —
 * one more cell of a relation holding it is withheld (the smallest non-empty one: least information
 * lost), which is the standard approach of statistical agencies (complementary suppression).
 */
export interface SuppressibleCell {
  contracts: number;
  contractAmountFen: number;
}

/** A linear relation that holds among cells: Σ coefficient × cell = 0 (e.g. parts − total = 0). */
export type Relation = ReadonlyArray<readonly [cell: number, coefficient: number]>;

/**
 * Which withheld cells are still determined by the relations and the published cells: reduce the
 * relations restricted to the withheld cells to row echelon form; a withheld cell is determined when
 * some reduced row has it as its only non-zero entry.
 */
export function determinedCells(relations: readonly Relation[], hidden: ReadonlySet<number>): number[] {
  const cols = [...hidden].sort((a, b) => a - b);
  const index = new Map(cols.map((c, i) => [c, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(cols.length).fill(0);
    let any = false;
    for (const [cell, coef] of r) {
      const i = index.get(cell);
      if (i !== undefined) {
        row[i]! += coef;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  // Reduced row echelon form (small integer matrices; a tolerance guards the divisions).
  const eps = 1e-9;
  let lead = 0;
  for (let c = 0; c < cols.length && lead < rows.length; c++) {
    let pivot = -1;
    for (let r = lead; r < rows.length; r++)
      if (Math.abs(rows[r]![c]!) > eps) pivot = pivot < 0 || Math.abs(rows[r]![c]!) > Math.abs(rows[pivot]![c]!) ? r : pivot;
    if (pivot < 0) continue;
    [rows[lead], rows[pivot]] = [rows[pivot]!, rows[lead]!];
    const p = rows[lead]![c]!;
    rows[lead] = rows[lead]!.map((v) => v / p);
    for (let r = 0; r < rows.length; r++) {
      if (r === lead) continue;
      const f = rows[r]![c]!;
      if (Math.abs(f) > eps) rows[r] = rows[r]!.map((v, k) => v - f * rows[lead]![k]!);
    }
    lead++;
  }
  const out: number[] = [];
  for (const row of rows) {
    const nonZero = row.flatMap((v, k) => (Math.abs(v) > eps ? [k] : []));
    if (nonZero.length === 1) out.push(cols[nonZero[0]!]!);
  }
  return out.sort((a, b) => a - b);
}

/** Indices of the cells to withhold: the small ones, then complements until nothing withheld can be derived. */
export function cellsToSuppress(cells: readonly SuppressibleCell[], relations: readonly Relation[], min: number): Set<number> {
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (c.contracts > 0 && c.contracts < min) hidden.add(i);
  });
  const smaller = (a: number, b: number) =>
    cells[a]!.contracts - cells[b]!.contracts || cells[a]!.contractAmountFen - cells[b]!.contractAmountFen || a - b;
  const exposedBy = (set: ReadonlySet<number>) => determinedCells(relations, set).filter((i) => cells[i]!.contracts > 0);
  for (let exposed = exposedBy(hidden); exposed.length;) {
    // Cells of the relations that hold an exposed cell, smallest first (non-empty before empty).
    const related = [...new Set(relations.filter((r) => r.some(([c]) => exposed.includes(c))).flatMap((r) => r.map(([c]) => c)))].filter(
      (c) => !hidden.has(c),
    );
    if (!related.length) break;
    const ordered = [...related.filter((c) => cells[c]!.contracts > 0).sort(smaller), ...related.filter((c) => cells[c]!.contracts === 0)];
    // The smallest one whose withholding protects something; otherwise the smallest.
    let chosen = ordered[0]!;
    let after: number[] | null = null;
    for (const c of ordered) {
      const next = exposedBy(new Set([...hidden, c]));
      if (next.length < exposed.length) {
        chosen = c;
        after = next;
        break;
      }
    }
    hidden.add(chosen);
    exposed = after ?? exposedBy(hidden);
  }
  return hidden;
}

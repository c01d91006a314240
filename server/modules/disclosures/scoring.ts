import { AppError } from '../../lib/errors.js';
import { DISCLOSURE_SHEET } from './parameters.js';

/** Total of one assessor's scores on the sheet: every criterion scored, 0 … its weight. */
export function disclosureSheetTotal(scores: Record<string, number>): number {
  const keys = new Set(DISCLOSURE_SHEET.criteria.map((c) => c.key));
  for (const k of Object.keys(scores)) if (!keys.has(k)) throw AppError.validation(`body.scores.${k}`, 'is not a criterion of the sheet');
  let total = 0;
  for (const c of DISCLOSURE_SHEET.criteria) {
    const v = scores[c.key];
    if (v === undefined) throw AppError.validation(`body.scores.${c.key}`, 'is required');
    if (!(v >= 0 && v <= c.weight)) throw AppError.validation(`body.scores.${c.key}`, `must be between 0 and ${c.weight}`);
    total += v;
  }
  return Math.round(total * 100) / 100;
}

export const meanOf = (totals: number[]): number | null =>
  totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null;

import { AppError } from '../../lib/errors.js';
import { DROP_EXTREMES_FROM } from './rules.js';

/**
 * The demonstration-institution score sheet and its aggregation. Same shapes as the shared scoring
 * engine (server/modules/experts/scoring.ts, issue 15) so the round moves to it when it is merged.
 */
export interface Criterion {
  key: string;
  label: string;
  weight: number;
}
export interface ScoreSheet {
  key: string;
  name: string;
  source: string;
  criteria: Criterion[];
}

export const DEMONSTRATION_SHEET: ScoreSheet = {
  key: 'demonstration_institution',
  name: '技术转移示范机构评审评分表',
  source: '省级技术转移示范机构评价指标（基础条件10、服务绩效30、服务能力30、规范管理20、社会信誉10）',
  criteria: [
    { key: 'basic', label: '基础条件', weight: 10 },
    { key: 'performance', label: '服务绩效', weight: 30 },
    { key: 'capability', label: '服务能力', weight: 30 },
    { key: 'management', label: '规范管理', weight: 20 },
    { key: 'reputation', label: '社会信誉', weight: 10 },
  ],
};

/** The total of one expert's sheet; every criterion scored, each within 0..its weight. */
export function sheetTotal(sheet: ScoreSheet, scores: Record<string, number>): number {
  const known = new Set(sheet.criteria.map((c) => c.key));
  for (const key of Object.keys(scores))
    if (!known.has(key)) throw AppError.validation(`body.scores.${key}`, 'is not a criterion of the sheet');
  let total = 0;
  for (const c of sheet.criteria) {
    const v = scores[c.key];
    if (v === undefined || !Number.isFinite(v)) throw AppError.validation(`body.scores.${c.key}`, 'is required');
    if (v < 0 || v > c.weight) throw AppError.validation(`body.scores.${c.key}`, `must be between 0 and ${c.weight}`);
    total += v;
  }
  return Math.round(total * 100) / 100;
}

/** The mean of the totals; from `dropExtremesFrom` totals on, one highest and one lowest are dropped. */
export function aggregateTotals(
  totals: number[],
  opts: { dropExtremesFrom?: number } = {},
): { mean: number; used: number[]; dropped: number[] } {
  if (totals.length === 0) return { mean: 0, used: [], dropped: [] };
  const sorted = [...totals].sort((a, b) => a - b);
  const drop = sorted.length >= (opts.dropExtremesFrom ?? DROP_EXTREMES_FROM);
  const used = drop ? sorted.slice(1, -1) : sorted;
  const dropped = drop ? [sorted[0]!, sorted[sorted.length - 1]!] : [];
  const mean = Math.round((used.reduce((s, v) => s + v, 0) / used.length) * 100) / 100;
  return { mean, used, dropped };
}

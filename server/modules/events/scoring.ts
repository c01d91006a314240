/**
 * The pitch score sheet and its arithmetic, in the shape of the shared scoring engine
 * (server/modules/experts/scoring.ts, issue 15): `ScoreSheet`, `sheetTotal`, `aggregateTotals`.
 * Until that engine is merged into this branch the sheet lives here; replacing this file's body by
 * a re-export of the engine's `SHEETS.roadshow_pitch`, `sheetTotal` and `aggregateTotals` is the
 * whole change.
 */
import { AppError } from '../../lib/errors.js';

export interface Criterion {
  key: string;
  label: string;
  /** The criterion's maximum points. */
  weight: number;
}
export interface ScoreSheet {
  key: string;
  name: string;
  source: string;
  criteria: Criterion[];
}

export const ROADSHOW_PITCH: ScoreSheet = {
  key: 'roadshow_pitch',
  name: '项目路演评分表',
  source: '津桥路演评审模板（技术、市场、商业模式、团队、路演表现；满分 100）',
  criteria: [
    { key: 'technology', label: '技术先进性与成熟度', weight: 30 },
    { key: 'market', label: '市场前景与应用价值', weight: 25 },
    { key: 'business', label: '商业模式与转化路径', weight: 20 },
    { key: 'team', label: '团队能力', weight: 15 },
    { key: 'presentation', label: '路演表现与答辩', weight: 10 },
  ],
};

/** The total of one judge's scores; each criterion scored 0..weight, every criterion present. */
export function sheetTotal(sheet: ScoreSheet, scores: Record<string, number>): number {
  let total = 0;
  for (const c of sheet.criteria) {
    const v = scores[c.key];
    if (v === undefined) throw AppError.validation(`body.scores.${c.key}`, 'is required');
    if (!Number.isFinite(v) || v < 0 || v > c.weight)
      throw AppError.validation(`body.scores.${c.key}`, `must be between 0 and ${c.weight}`);
    total += v;
  }
  for (const k of Object.keys(scores))
    if (!sheet.criteria.some((c) => c.key === k)) throw AppError.validation(`body.scores.${k}`, 'is not a criterion of the sheet');
  return total;
}

/**
 * The panel's score: the mean of the judges' totals; from `dropExtremesFrom` judges on (default 5)
 * the highest and the lowest total are dropped first (the usual practice of review panels).
 */
export function aggregateTotals(
  totals: number[],
  opts: { dropExtremesFrom?: number } = {},
): { mean: number; used: number[]; dropped: number[] } {
  const from = opts.dropExtremesFrom ?? 5;
  const sorted = [...totals].sort((a, b) => a - b);
  const dropped = sorted.length >= from ? [sorted[0]!, sorted.at(-1)!] : [];
  const used = sorted.length >= from ? sorted.slice(1, -1) : sorted;
  const mean = used.length ? Math.round((used.reduce((s, v) => s + v, 0) / used.length) * 100) / 100 : 0;
  return { mean, used, dropped };
}

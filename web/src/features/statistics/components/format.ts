import type { StatMeasure, Totals } from '../../../../../common/api/statistics';
import type { Locale } from '../../../i18n/locale';

const FEN_PER_WAN = 1_000_000;
const FEN_PER_YI = 10_000_000_000;

/** Big statistics read in 亿元 from ¥100M, otherwise in 万元 (`¥1,928.60亿元`, `¥523.17万元`); in English in millions or billions. */
export function formatBigYuan(fen: number | null | undefined, locale: Locale): string {
  if (fen == null) return '—';
  const opts = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  if (locale === 'en') {
    const yuan = fen / 100;
    return Math.abs(yuan) >= 1e9 ? `¥${(yuan / 1e9).toLocaleString('en', opts)} bn` : `¥${(yuan / 1e6).toLocaleString('en', opts)} M`;
  }
  if (Math.abs(fen) >= FEN_PER_YI) return `¥${(fen / FEN_PER_YI).toLocaleString('zh-CN', opts)}亿元`;
  return `¥${(fen / FEN_PER_WAN).toLocaleString('zh-CN', opts)}万元`;
}

/** The exact amount to the fen: `¥1,234,567.89`. */
export function formatExactYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatCount(n: number | null | undefined, locale: Locale): string {
  return n == null ? '—' : n.toLocaleString(locale === 'en' ? 'en' : 'zh-CN');
}

/** The unit a chart draws amounts in: 亿元 once the largest value reaches ¥100M, 万元 below. */
export interface AmountScale {
  div: number;
  unit: 'wan' | 'yi';
}

export function amountScale(maxFen: number): AmountScale {
  return maxFen >= FEN_PER_YI ? { div: FEN_PER_YI, unit: 'yi' } : { div: FEN_PER_WAN, unit: 'wan' };
}

/** A measure's value in a chart's unit: the scale's unit for the amounts, a plain number for contracts. */
export function chartValue(t: Totals, measure: StatMeasure, scale: AmountScale = { div: FEN_PER_WAN, unit: 'wan' }): number {
  return measure === 'contracts' ? t.contracts : Math.round((t[measure] / scale.div) * 100) / 100;
}

export function formatMeasure(t: Totals, measure: StatMeasure, locale: Locale): string {
  return measure === 'contracts' ? formatCount(t.contracts, locale) : formatBigYuan(t[measure], locale);
}

/** Year-on-year change, or null without a base. */
export function growth(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}

/** Money travels as integer fen; people read it in 万元 (1 万元 = 10,000 元 = 1,000,000 fen). */
export const FEN_PER_WAN = 1_000_000;

const wanNumber = (fen: number) => (fen / FEN_PER_WAN).toLocaleString('zh-CN', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** 1234500000 → "¥1,234.5万元". */
export function formatWan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `¥${wanNumber(fen)}万元`;
}

/** A budget range: "¥10–50万元", "≥ ¥10万元", "≤ ¥50万元". */
export function formatWanRange(minFen: number | null | undefined, maxFen: number | null | undefined): string {
  if (minFen != null && maxFen != null) return minFen === maxFen ? formatWan(minFen) : `¥${wanNumber(minFen)}–${wanNumber(maxFen)}万元`;
  if (minFen != null) return `≥ ${formatWan(minFen)}`;
  if (maxFen != null) return `≤ ${formatWan(maxFen)}`;
  return '—';
}

/** 万元 typed in a form → whole fen (rounded: 0.000001 万元 is one fen). */
export function wanToFen(wan: number | null | undefined): number | null {
  if (wan == null || Number.isNaN(wan)) return null;
  return Math.round(wan * FEN_PER_WAN);
}

export function fenToWan(fen: number | null | undefined): number | null {
  return fen == null ? null : fen / FEN_PER_WAN;
}

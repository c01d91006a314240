import type { Reward } from '../../../../../common/api/challenges';

/** ¥ in 万元 for the hall. */
export const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;

export function rewardText(r: Reward): string {
  return r.kind === 'prize'
    ? r.prizes.map((p) => `${p.label}${p.count > 1 ? ` ×${p.count}` : ''} ${wan(p.amountFen)}`).join('，')
    : wan(r.budgetFen);
}

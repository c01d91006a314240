/**
 * Subsidy arithmetic for programmes paid on registered technology contracts (pure; the web's
 * simulator runs the same function as the server's estimate).
 *
 * A schedule is a list of marginal tiers over the organisation's eligible base in the programme year
 * (each tier's rate applies to the part of the base inside it), then a cap per organisation per year
 * from which what the organisation was already granted in the same programme year is taken.
 * Rates are basis points (1 bp = 0.01%); every tier's share is rounded down to the fen.
 *
 * Example schedules (../shared/spec/DOMAIN.md, "Rules that are parameters"): 2% of the amount paid,
 * capped at ¥1M a year (Henan 2022); 0.5% up to ¥30M and 0.3% above, cap ¥1M (Fuqing). Broker
 * rewards at most 1.5% of the deal (issue 17).
 */
export const BASIS_POINTS_PER_UNIT = 10_000;
export const BROKER_MAX_BASIS_POINTS = 150;
export const BROKER_MAX_SOURCE = 'issue 17: 技术经纪人奖励不超过技术合同成交额的 1.5%';

export interface RateTier {
  /** Upper bound of the tier in fen (inclusive), null for the last, unbounded tier. */
  uptoFen: number | null;
  basisPoints: number;
}

export interface RateSchedule {
  tiers: RateTier[];
  /** Per organisation per programme year; null: no cap. */
  capFenPerOrganizationYear: number | null;
}

export interface SubsidyLine {
  kind: 'contract' | 'excluded' | 'base' | 'tier' | 'cap' | 'granted' | 'total';
  label: string;
  amountFen: number | null;
  contractId?: string;
  registrationNumber?: string | null;
}

export const formatFen = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const formatRate = (bp: number): string => `${(bp / 100).toString()}%`;

/** Problems with a schedule, as `[path, message]` (tiers ascending, last unbounded, rates 0…100%). */
export function scheduleProblems(s: RateSchedule, opts: { broker?: boolean } = {}): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (s.tiers.length === 0) out.push(['tiers', 'needs at least one tier']);
  let prev = 0;
  s.tiers.forEach((t, i) => {
    const last = i === s.tiers.length - 1;
    if (last && t.uptoFen !== null) out.push([`tiers.${i}.uptoFen`, 'the last tier is unbounded (null)']);
    if (!last && (t.uptoFen === null || t.uptoFen <= prev)) out.push([`tiers.${i}.uptoFen`, 'must be above the previous tier']);
    if (t.uptoFen !== null) prev = t.uptoFen;
    if (!Number.isInteger(t.basisPoints) || t.basisPoints < 0 || t.basisPoints > BASIS_POINTS_PER_UNIT)
      out.push([`tiers.${i}.basisPoints`, 'must be 0…10000']);
    if (opts.broker && t.basisPoints > BROKER_MAX_BASIS_POINTS)
      out.push([`tiers.${i}.basisPoints`, `broker rewards are at most ${formatRate(BROKER_MAX_BASIS_POINTS)} (${BROKER_MAX_SOURCE})`]);
  });
  if (s.capFenPerOrganizationYear !== null && s.capFenPerOrganizationYear < 0) out.push(['capFenPerOrganizationYear', 'must be ≥ 0']);
  return out;
}

/**
 * The subsidy on `baseFen` (the organisation's eligible amount in the year) with `alreadyGrantedFen`
 * granted before in the same programme year: the amount and the calculation, line by line.
 */
export function computeSubsidy(
  schedule: RateSchedule,
  baseFen: number,
  alreadyGrantedFen = 0,
): { grossFen: number; amountFen: number; lines: SubsidyLine[] } {
  const lines: SubsidyLine[] = [{ kind: 'base', label: `计算基数（合计） ${formatFen(baseFen)}`, amountFen: baseFen }];
  let gross = 0;
  let from = 0;
  for (const t of schedule.tiers) {
    if (baseFen <= from) break;
    const to = t.uptoFen === null ? baseFen : Math.min(baseFen, t.uptoFen);
    const part = to - from;
    const share = Math.floor((part * t.basisPoints) / BASIS_POINTS_PER_UNIT);
    gross += share;
    const range = t.uptoFen === null ? `${formatFen(from)} 以上部分` : `${formatFen(from)}–${formatFen(t.uptoFen)} 部分`;
    lines.push({
      kind: 'tier',
      label: `${range} ${formatFen(part)} × ${formatRate(t.basisPoints)} = ${formatFen(share)}`,
      amountFen: share,
    });
    if (t.uptoFen === null) break;
    from = t.uptoFen;
  }
  let amount = gross;
  const cap = schedule.capFenPerOrganizationYear;
  if (cap !== null) {
    const room = Math.max(0, cap - alreadyGrantedFen);
    if (alreadyGrantedFen > 0)
      lines.push({
        kind: 'granted',
        label: `本年度已获支持 ${formatFen(alreadyGrantedFen)}，剩余额度 ${formatFen(room)}`,
        amountFen: -Math.min(alreadyGrantedFen, cap),
      });
    if (amount > room) {
      lines.push({ kind: 'cap', label: `超过单位年度上限 ${formatFen(cap)}，按 ${formatFen(room)} 计`, amountFen: room - amount });
      amount = room;
    }
  }
  lines.push({ kind: 'total', label: `支持金额 ${formatFen(amount)}`, amountFen: amount });
  return { grossFen: gross, amountFen: amount, lines };
}

import {
  PERIOD_BASIS,
  STAT_MEASURE_LABELS,
  STAT_SIDE_LABELS,
  TARGET_METRIC_MEASURE,
  type StatDefinition,
  type StatSide,
  type TargetMetric,
  type Totals,
} from '../../../common/api/statistics.js';
import {
  ALL_CONTRACT_SUBTYPES,
  CONTRACT_SUBTYPE_LABELS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  type ContractSubtype,
  type ContractType,
} from '../../../common/contracts.js';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, type OrganizationType } from '../../../common/roles.js';
import type { RegionInfo } from './scope.js';

type Label = { zh: string; en: string };

/** Measures as the database returns them (node-postgres gives bigint sums as strings). */
export interface RawTotals {
  contracts: number | string | null;
  contract_amount_fen: number | string | null;
  technology_transaction_amount_fen: number | string | null;
}

export const ZERO: Totals = { contracts: 0, contractAmountFen: 0, technologyTransactionAmountFen: 0 };

export function presentTotals(r: RawTotals | undefined | null): Totals {
  if (!r) return { ...ZERO };
  return {
    contracts: Number(r.contracts ?? 0),
    contractAmountFen: Number(r.contract_amount_fen ?? 0),
    technologyTransactionAmountFen: Number(r.technology_transaction_amount_fen ?? 0),
  };
}

export const addTotals = (a: Totals, b: Totals): Totals => ({
  contracts: a.contracts + b.contracts,
  contractAmountFen: a.contractAmountFen + b.contractAmountFen,
  technologyTransactionAmountFen: a.technologyTransactionAmountFen + b.technologyTransactionAmountFen,
});

export const share = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

const NOT_STATED: Label = { zh: '未注明', en: 'Not stated' };
const PARTY_TYPE_LABELS: Record<string, Label> = {
  ...ORGANIZATION_TYPE_LABELS,
  individual: { zh: '个人', en: 'Individual' },
  other: { zh: '其他', en: 'Other' },
};

export function typeLabel(key: string): Label {
  return (CONTRACT_TYPES as readonly string[]).includes(key)
    ? CONTRACT_TYPE_LABELS[key as ContractType]
    : { zh: key || NOT_STATED.zh, en: key || NOT_STATED.en };
}
export function subtypeLabel(key: string): Label {
  if ((ALL_CONTRACT_SUBTYPES as string[]).includes(key)) return CONTRACT_SUBTYPE_LABELS[key as ContractSubtype];
  return typeLabel(key);
}
export function organizationTypeLabel(key: string): Label {
  return (
    PARTY_TYPE_LABELS[key] ??
    (ORGANIZATION_TYPES.includes(key as OrganizationType)
      ? ORGANIZATION_TYPE_LABELS[key as OrganizationType]
      : { zh: key || NOT_STATED.zh, en: key || NOT_STATED.en })
  );
}
export const fieldLabel = (key: string, names: ReadonlyMap<string, Label>): Label =>
  key ? (names.get(key) ?? { zh: key, en: key }) : NOT_STATED;

/** `/abroad/US/` → 境外 (US); `/unknown/` → 未注明地区; otherwise the region's name. */
export function pathLabel(path: string, names: ReadonlyMap<string, string>): { code: string; name: string } {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'abroad') return { code: parts[1] ? `abroad:${parts[1]}` : 'abroad', name: `境外${parts[1] ? ` (${parts[1]})` : ''}` };
  if (parts[0] === 'unknown' || parts.length === 0) return { code: 'unknown', name: '未注明地区' };
  const code = parts[parts.length - 1]!;
  return { code, name: names.get(code) ?? code };
}

export const periodText = (p: { year?: number; month?: number | null; from?: number; to?: number }): string =>
  p.from !== undefined && p.to !== undefined
    ? `${p.from}–${p.to}`
    : p.month
      ? `${p.year}-${String(p.month).padStart(2, '0')}`
      : String(p.year);

/** What a figure means, in words: region, period, side, the two amounts, the period basis. */
export function presentDefinition(opts: { region: RegionInfo; side: StatSide | null; period: string; subject?: Label }): StatDefinition {
  const side = opts.side ? STAT_SIDE_LABELS[opts.side] : null;
  const a = STAT_MEASURE_LABELS.contractAmountFen;
  const t = STAT_MEASURE_LABELS.technologyTransactionAmountFen;
  const c = STAT_MEASURE_LABELS.contracts;
  const zh = [
    `${opts.region.name}，${opts.period}`,
    side ? `${side.zh}（${side.basis.zh}）` : '技术输出按卖方所在地、技术吸纳按买方所在地统计',
    opts.subject?.zh,
    `${c.zh}：${c.definition.zh}`,
    `${a.zh}：${a.definition.zh}`,
    `${t.zh}：${t.definition.zh}`,
    PERIOD_BASIS.zh,
  ].filter(Boolean);
  const en = [
    `${opts.region.name}, ${opts.period}`,
    side ? `${side.en} (${side.basis.en})` : 'output counted where the seller is, absorption where the buyer is',
    opts.subject?.en,
    `${c.en}: ${c.definition.en}`,
    `${a.en}: ${a.definition.en}`,
    `${t.en}: ${t.definition.en}`,
    PERIOD_BASIS.en,
  ].filter(Boolean);
  return {
    side: opts.side,
    region: { code: opts.region.code, name: opts.region.name, level: opts.region.level },
    period: opts.period,
    text: { zh: `${zh.join('；')}。`, en: `${en.join('; ')}.` },
  };
}

export const regionRef = (r: RegionInfo) => ({ code: r.code, name: r.name, level: r.level });

/** A target's definition: which measure, side, region and year. */
export function targetDefinition(metric: TargetMetric, side: StatSide, regionName: string, year: number): Label {
  const m = STAT_MEASURE_LABELS[TARGET_METRIC_MEASURE[metric]];
  const s = STAT_SIDE_LABELS[side];
  return {
    zh: `${regionName} ${year}年${s.zh}${m.zh}目标（${s.basis.zh}；${m.definition.zh}；${PERIOD_BASIS.zh}）`,
    en: `${regionName} ${year} ${s.en.toLowerCase()} ${m.en.toLowerCase()} target (${s.basis.en}; ${m.definition.en}; ${PERIOD_BASIS.en.toLowerCase()})`,
  };
}

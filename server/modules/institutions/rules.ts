import type { CheckResult, Metric, Threshold } from '../../../common/api/institutions.js';
import { addLocalDays, type LocalDate } from '../../lib/calendar.js';

/**
 * The demonstration-institution rules as data. Entry thresholds default to a real city notice's
 * conditions (each names its clause); a round may replace them. Money in fen.
 */
const YICHANG_2019 = '宜昌市科技局《关于组织开展2019年全市技术转移示范机构申报工作的通知》一、申报条件';

export const DEFAULT_THRESHOLDS: Threshold[] = [
  {
    key: 'years_operating',
    label: '机构成立2年以上',
    source: `${YICHANG_2019} 第3项`,
    conditions: [{ metric: 'years_operating', op: 'gte', value: 2 }],
  },
  {
    key: 'certified_brokers',
    label: '1名（含）以上持证技术经纪人',
    source: `${YICHANG_2019} 第4项`,
    conditions: [{ metric: 'certified_brokers', op: 'gte', value: 1 }],
  },
  {
    key: 'full_time_staff',
    label: '专职人员3人以上',
    source: `${YICHANG_2019} 第4项`,
    conditions: [{ metric: 'full_time_staff', op: 'gte', value: 3 }],
  },
  {
    key: 'deals_last_year',
    label: '上年度促成技术转移项目不少于3项',
    source: `${YICHANG_2019} 第6项`,
    conditions: [{ metric: 'deals_last_year', op: 'gte', value: 3 }],
  },
  {
    key: 'income_or_contracts',
    label: '上年度营业性收入不低于30万元或促成技术合同成交额不少于300万元',
    source: `${YICHANG_2019} 第6项`,
    conditions: [
      { metric: 'income_last_year_fen', op: 'gte', value: 30_000_000 },
      { metric: 'contract_amount_last_year_fen', op: 'gte', value: 300_000_000 },
    ],
  },
  {
    key: 'no_complaints',
    label: '连续两年无投诉或不良行为',
    source: `${YICHANG_2019} 第7项`,
    conditions: [{ metric: 'complaints_last_2_years', op: 'lte', value: 0 }],
  },
];

/** The title is lost after this many consecutive failing yearly checks (the rule). */
export const MAX_FAILING_YEARS = 2;

export type Figures = Record<Metric, { value: number | null; origin: 'platform' | 'profile' | 'declared' }>;

/** Whole years from `from` to `on` (a founding anniversary counts on its day; 29 Feb → 28 Feb). */
export function fullYearsBetween(from: LocalDate, on: LocalDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let years = oy - fy;
  if (om < fm || (om === fm && od < fd)) years -= 1;
  // 29 Feb founders reach their anniversary on 28 Feb in common years.
  if (fm === 2 && fd === 29 && om === 2 && od === 28 && addLocalDays(on, 1).endsWith('-03-01')) years += 1;
  return Math.max(0, years);
}

/** Each threshold passed or failed, with the figure it was judged on; a missing figure fails. */
export function checkThresholds(thresholds: Threshold[], figures: Figures): CheckResult[] {
  return thresholds.map((t) => {
    const conditions = t.conditions.map((c) => {
      const f = figures[c.metric];
      const value = f?.value ?? null;
      const passed = value !== null && (c.op === 'gte' ? value >= c.value : value <= c.value);
      return { metric: c.metric, op: c.op, required: c.value, value, origin: f?.origin ?? 'declared', passed };
    });
    return { key: t.key, label: t.label, source: t.source, passed: conditions.some((c) => c.passed), conditions };
  });
}

export const allPassed = (checks: CheckResult[]) => checks.length > 0 && checks.every((c) => c.passed);

/**
 * A title after one yearly check: a passing year clears the count; failing years add up and the
 * title is lost at MAX_FAILING_YEARS in a row. A title past its term has expired.
 */
export function titleAfterYear(
  title: { status: 'held' | 'lost' | 'expired'; failingYears: number; expiresOn: LocalDate },
  passed: boolean,
  on: LocalDate,
  maxFailingYears = MAX_FAILING_YEARS,
): { status: 'held' | 'lost' | 'expired'; failingYears: number } {
  if (title.status !== 'held') return { status: title.status, failingYears: title.failingYears };
  const failingYears = passed ? 0 : title.failingYears + 1;
  if (failingYears >= maxFailingYears) return { status: 'lost', failingYears };
  if (on > title.expiresOn) return { status: 'expired', failingYears };
  return { status: 'held', failingYears };
}

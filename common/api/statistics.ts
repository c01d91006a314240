import { z } from 'zod';

/**
 * Statistics (专项统计) and monitoring: the API contract of server/modules/statistics.
 *
 * Routes (method, path, access):
 *   GET    /api/statistics/overview          stats:read    KPIs of a region and year, both sides, previous year, targets
 *   GET    /api/statistics/trend             stats:read    by year or by month over a range of years
 *   GET    /api/statistics/breakdown         stats:read    by type, subtype, technical field or organisation type
 *   GET    /api/statistics/regions           stats:read    by child region (city → district → park): the map and the drill-down
 *   GET    /api/statistics/flows             stats:read    flows between the region, the rest of the city, Beijing, Hebei, the rest of China and abroad
 *   GET    /api/statistics/top               stats:read    top organisations (the drill-down's last level) or brokers
 *   GET    /api/statistics/export.xlsx       stats:read    workbook for third-party evaluation (every table above, with a definitions sheet)
 *   GET    /api/statistics/targets           stats:read    yearly targets in the caller's scope with progress
 *   PUT    /api/statistics/targets           stats:target  set (create or replace) one target; audited
 *   DELETE /api/statistics/targets/:id       stats:target  remove a target; audited
 *   GET    /api/open-data/statistics         public        aggregated city figures (JSON); small cells suppressed
 *   GET    /api/open-data/statistics.csv     public        the same cells as CSV (UTF-8 with BOM)
 *
 * Scope: a government officer sees the subtree of the region their grant names (天津市 → district →
 * park); asking for a region outside it answers 404. Platform admins and contract registrars see
 * every region. `region` defaults to the caller's scope root (the platform city for those who see
 * everything).
 *
 * Every figure is defined by: the amount (合同成交额 contract amount, or 技术交易额 technology
 * transaction amount, or the number of contracts), the side (technology output = the seller is
 * located in the region; technology absorption = the buyer is located in the region) and the
 * period (the date the registrar certified the contract, in Beijing time). Every response carries
 * a `definition` saying so in words. Money is integer fen.
 */

export const STAT_SIDES = ['output', 'absorption'] as const;
export type StatSide = (typeof STAT_SIDES)[number];

export const STAT_SIDE_LABELS: Record<StatSide, { zh: string; en: string; basis: { zh: string; en: string } }> = {
  output: {
    zh: '技术输出',
    en: 'Technology output',
    basis: { zh: '按卖方（技术输出方）所在地统计', en: 'counted where the seller (the party supplying the technology) is located' },
  },
  absorption: {
    zh: '技术吸纳',
    en: 'Technology absorption',
    basis: { zh: '按买方（技术吸纳方）所在地统计', en: 'counted where the buyer (the party receiving the technology) is located' },
  },
};

export const STAT_MEASURES = ['contracts', 'contractAmountFen', 'technologyTransactionAmountFen'] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];

export const STAT_MEASURE_LABELS: Record<StatMeasure, { zh: string; en: string; definition: { zh: string; en: string } }> = {
  contracts: {
    zh: '合同数',
    en: 'Contracts',
    definition: {
      zh: '经认定登记的技术合同份数（变更后按最新版本计，撤销的不计）',
      en: 'Number of certified technology contracts (amended ones in their latest version; cancelled ones not counted)',
    },
  },
  contractAmountFen: {
    zh: '合同成交额',
    en: 'Contract amount',
    definition: { zh: '合同约定的全部价款（元，页面以万元显示）', en: 'The whole price agreed in the contract (yuan; shown in 10k yuan)' },
  },
  technologyTransactionAmountFen: {
    zh: '技术交易额',
    en: 'Technology transaction amount',
    definition: {
      zh: '合同成交额扣除设备、仪器、零部件、原材料等非技术性款项后的金额（元，页面以万元显示）',
      en: 'The contract amount less non-technical costs: equipment, instruments, parts and raw materials (yuan; shown in 10k yuan)',
    },
  },
};

export const PERIOD_BASIS = {
  zh: '统计期按认定登记日期（北京时间）',
  en: 'Periods follow the certification date (Beijing time)',
};

export const BREAKDOWN_DIMENSIONS = ['type', 'subtype', 'field', 'organization_type'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/**
 * Where the other party of a flow is, seen from the region asked about. `within`: the same region;
 * `rest_of_city`: elsewhere in the platform city (only when the region is a district or park);
 * `beijing`/`hebei`: the other two of Beijing-Tianjin-Hebei (京津冀); `rest_of_china`; `abroad`;
 * `unknown`: a domestic party without a region code.
 */
export const FLOW_AREAS = ['within', 'rest_of_city', 'beijing', 'hebei', 'rest_of_china', 'abroad', 'unknown'] as const;
export type FlowArea = (typeof FLOW_AREAS)[number];
export const FLOW_AREA_LABELS: Record<FlowArea, { zh: string; en: string }> = {
  within: { zh: '本区域内', en: 'Within the region' },
  rest_of_city: { zh: '本市其他区域', en: 'Rest of the city' },
  beijing: { zh: '北京', en: 'Beijing' },
  hebei: { zh: '河北', en: 'Hebei' },
  rest_of_china: { zh: '国内其他省份', en: 'Rest of China' },
  abroad: { zh: '境外', en: 'Abroad' },
  unknown: { zh: '未注明地区', en: 'Region not stated' },
};

export const TARGET_METRICS = ['contract_amount', 'technology_transaction_amount', 'contracts'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const TARGET_METRIC_MEASURE: Record<TargetMetric, StatMeasure> = {
  contract_amount: 'contractAmountFen',
  technology_transaction_amount: 'technologyTransactionAmountFen',
  contracts: 'contracts',
};

/** Open data: a cell aggregating fewer contracts than this is suppressed (with one more cell where a margin would give it away). */
export const OPEN_DATA_MIN_CONTRACTS = 3;

// ------------------------------------------------------------------------------------------------
// Queries

const RegionCode = z.string().regex(/^\d{6}(\d{2})?$/, 'must be a region code (6 digits, or 8 for a park)');
const Year = z.coerce.number().int('must be a year').min(1980, 'must be 1980 or later').max(2100, 'must be 2100 or earlier');

export const ScopeQuery = z.object({
  /** A region code in the caller's scope; default: the caller's scope root. */
  region: RegionCode.optional(),
});

export const StatsQuery = ScopeQuery.extend({
  side: z.enum(STAT_SIDES).default('output'),
  /** Default: the latest year with certified contracts in the region (the current year when there are none). */
  year: Year.optional(),
  /** Narrow to one month of the year (overview, breakdown by type/subtype, regions). */
  month: z.coerce.number().int().min(1, 'must be 1–12').max(12, 'must be 1–12').optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const TrendQuery = ScopeQuery.extend({
  side: z.enum(STAT_SIDES).default('output'),
  /** Default: ten years (yearly) or three years (monthly) up to `to`. */
  from: Year.optional(),
  /** Default: the latest year with data. */
  to: Year.optional(),
  granularity: z.enum(['year', 'month']).default('year'),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

export const BreakdownQuery = StatsQuery.extend({ dimension: z.enum(BREAKDOWN_DIMENSIONS) });
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const TopQuery = StatsQuery.extend({
  kind: z.enum(['organization', 'broker']).default('organization'),
  /** Rank by which measure. */
  by: z.enum(STAT_MEASURES).default('contractAmountFen'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type TopQuery = z.infer<typeof TopQuery>;

export const FlowsQuery = ScopeQuery.extend({ year: Year.optional() });
export type FlowsQuery = z.infer<typeof FlowsQuery>;

export const ExportQuery = ScopeQuery.extend({ year: Year.optional() });

export const TargetListQuery = ScopeQuery.extend({ year: Year.optional() });

export const TargetInput = z.object({
  year: Year,
  regionCode: RegionCode,
  side: z.enum(STAT_SIDES).default('output'),
  metric: z.enum(TARGET_METRICS),
  /** Fen for the two amounts, a number of contracts for `contracts`. */
  value: z.number().int('must be a whole number').min(1, 'must be positive').max(1_000_000_000_000_000, 'is implausibly large'),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const OpenDataQuery = z.object({ year: Year.optional() });

// ------------------------------------------------------------------------------------------------
// Views

export const Totals = z.object({
  contracts: z.number().int(),
  contractAmountFen: z.number().int(),
  technologyTransactionAmountFen: z.number().int(),
});
export type Totals = z.infer<typeof Totals>;

const Text = z.object({ zh: z.string(), en: z.string() });
const RegionRef = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** What a figure means: its side, region and period, with the amount definitions, in words. */
export const StatDefinition = z.object({
  side: z.enum(STAT_SIDES).nullable(),
  region: RegionRef,
  /** `2023`, `2023-05`, or `2014–2023`. */
  period: z.string(),
  text: Text,
});
export type StatDefinition = z.infer<typeof StatDefinition>;

export const STATS_ACTIONS = ['export', 'set_target'] as const;

export const OverviewView = z.object({
  definition: StatDefinition,
  year: z.number().int(),
  month: z.number().int().nullable(),
  /** Years with certified contracts in the region, newest first. */
  availableYears: z.array(z.number().int()),
  output: Totals,
  absorption: Totals,
  previousYear: z.object({ output: Totals, absorption: Totals }),
  /** The scope root and its children, for the region picker. */
  scope: z.object({ root: RegionRef, children: z.array(RegionRef) }),
  actions: z.array(z.enum(STATS_ACTIONS)),
});
export type OverviewView = z.infer<typeof OverviewView>;

export const TrendView = z.object({
  definition: StatDefinition,
  granularity: z.enum(['year', 'month']),
  points: z.array(Totals.extend({ period: z.string(), year: z.number().int(), month: z.number().int().nullable() })),
});
export type TrendView = z.infer<typeof TrendView>;

export const BreakdownRow = Totals.extend({
  key: z.string(),
  label: Text,
  /** Share of the total contract amount, 0..1. */
  amountShare: z.number(),
});
export const BreakdownView = z.object({
  definition: StatDefinition,
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  total: Totals,
  rows: z.array(BreakdownRow),
});
export type BreakdownView = z.infer<typeof BreakdownView>;

export const RegionRow = Totals.extend({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  /** False for the "not further specified" row (parties registered at the parent region itself). */
  drillable: z.boolean(),
  amountShare: z.number(),
});
export const RegionsView = z.object({
  definition: StatDefinition,
  parent: RegionRef,
  /** From the scope root down to `parent`, for the breadcrumb. */
  breadcrumb: z.array(RegionRef),
  total: Totals,
  rows: z.array(RegionRow),
});
export type RegionsView = z.infer<typeof RegionsView>;

export const FlowRow = Totals.extend({ area: z.enum(FLOW_AREAS), label: Text });
export const FlowsView = z.object({
  definition: StatDefinition,
  year: z.number().int(),
  /** Contracts whose seller is in the region, by where the buyer is (technology output). */
  outflow: z.array(FlowRow),
  /** Contracts whose buyer is in the region, by where the seller is (technology absorption). */
  inflow: z.array(FlowRow),
  /** The same two directions by province (and `abroad`), for the map of China. */
  byProvince: z.array(z.object({ code: z.string(), name: z.string(), outflow: Totals, inflow: Totals })),
});
export type FlowsView = z.infer<typeof FlowsView>;

export const TopRow = Totals.extend({
  rank: z.number().int(),
  /** Organisation id when the party is on the platform; otherwise its name (external parties, brokers without an account). */
  key: z.string(),
  name: z.string(),
  organizationType: z.string().nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export const TopView = z.object({
  definition: StatDefinition,
  kind: z.enum(['organization', 'broker']),
  by: z.enum(STAT_MEASURES),
  /** Number of ranked entries in the region and period. */
  entries: z.number().int(),
  rows: z.array(TopRow),
});
export type TopView = z.infer<typeof TopView>;

export const TARGET_ACTIONS = ['update', 'delete'] as const;
export const TargetView = z.object({
  id: z.string(),
  year: z.number().int(),
  region: RegionRef,
  side: z.enum(STAT_SIDES),
  metric: z.enum(TARGET_METRICS),
  value: z.number(),
  actual: z.number(),
  /** actual / value (may exceed 1). */
  progress: z.number(),
  /** Share of the year gone by (Beijing time), 0..1: the pace line on the gauge. */
  yearElapsed: z.number(),
  definition: Text,
  updatedAt: z.string(),
  actions: z.array(z.enum(TARGET_ACTIONS)),
});
export type TargetView = z.infer<typeof TargetView>;
export const TargetListView = z.object({ items: z.array(TargetView), canSetTargets: z.boolean() });
export type TargetListView = z.infer<typeof TargetListView>;

/** One open-data cell; amounts and count are null when suppressed. */
export const OpenDataCell = z.object({
  table: z.enum(['year', 'district', 'type', 'flow']),
  year: z.number().int(),
  side: z.enum(STAT_SIDES),
  key: z.string(),
  label: z.string(),
  contracts: z.number().int().nullable(),
  contractAmountFen: z.number().int().nullable(),
  technologyTransactionAmountFen: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type OpenDataCell = z.infer<typeof OpenDataCell>;
export const OpenDataView = z.object({
  city: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  availableYears: z.array(z.number().int()),
  minContractsPerCell: z.number().int(),
  definitions: z.object({ measures: z.record(z.string(), Text), sides: z.record(z.string(), Text), period: Text, suppression: Text }),
  /** `year`: city totals for every year; `district`, `type`, `flow`: the chosen year. */
  cells: z.array(OpenDataCell),
  generatedAt: z.string(),
});
export type OpenDataView = z.infer<typeof OpenDataView>;

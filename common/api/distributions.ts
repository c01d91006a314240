/**
 * Income distribution (科技成果转化收益分配, C10): the team's share of the organisation's income from
 * a deal or a registered contract, split among the inventors, approved (maker ≠ checker) and paid.
 *
 *   POST /api/income-distributions/preview         authenticated          PreviewBody → PreviewView (stores nothing)
 *   GET  /api/income-distributions/parameters      public                 the share floors with their sources
 *   GET  /api/income-distributions                 distribution:manage    { items: DistributionView[] } (own organisations)
 *   POST /api/income-distributions                 distribution:manage    DistributionInput → 201 DistributionView
 *   GET  /api/income-distributions/:id             authenticated          DistributionView (TTO staff and the inventors)
 *   PUT  /api/income-distributions/:id             distribution:manage    DistributionInput → DistributionView (draft only)
 *   POST /api/income-distributions/:id/transitions authenticated          TransitionBody → DistributionView
 */
import { z } from 'zod';
import { HttpUrl, Text } from '../text.js';

export const DISTRIBUTION_ROUTES = ['transfer', 'licence', 'equity', 'self_implementation'] as const;
export type DistributionRouteName = (typeof DISTRIBUTION_ROUTES)[number];
export const DISTRIBUTION_ROUTE_LABELS: Record<DistributionRouteName, string> = {
  transfer: '转让',
  licence: '许可',
  equity: '作价投资',
  self_implementation: '自行实施',
};

export const DISTRIBUTION_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'cancelled'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];
export const DISTRIBUTION_STATUS_LABELS: Record<DistributionStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已批准',
  paid: '已发放',
  cancelled: '已取消',
};

export const DISTRIBUTION_TRANSITIONS = ['submit', 'return', 'approve', 'pay', 'cancel'] as const;
export type DistributionTransition = (typeof DISTRIBUTION_TRANSITIONS)[number];
export const DISTRIBUTION_TRANSITION_LABELS: Record<DistributionTransition, string> = {
  submit: '提交审批',
  return: '退回修改',
  approve: '批准',
  pay: '登记发放',
  cancel: '取消',
};

export const COST_KINDS = ['patent_fee', 'evaluation', 'brokerage', 'legal', 'other'] as const;
export const COST_KIND_LABELS: Record<(typeof COST_KINDS)[number], string> = {
  patent_fee: '专利费用',
  evaluation: '评估费用',
  brokerage: '中介服务费',
  legal: '法律服务费',
  other: '其他',
};

const MAX_FEN = 100_000_000_000_000;
const Fen = z.number().int('must be a whole number of fen').min(0, 'must not be negative').max(MAX_FEN, 'is implausibly large');
const Pct = z.number().gt(0, 'must be above 0').max(100, 'must be at most 100');

export const PreviewBody = z.object({
  /** Net income in fen; negative is refused (costs above income: nothing to distribute). */
  netIncomeFen: z.number().int('must be a whole number of fen').max(MAX_FEN, 'is implausibly large'),
  regionCode: z.string().regex(/^\d{6}(\d{2})?$/, 'must be a 6- or 8-digit region code'),
  route: z.enum(['transfer', 'licence', 'equity']),
  inventors: z
    .array(z.object({ name: Text(50).min(1, 'is required'), contributionPct: Pct }))
    .min(1, 'name at least one inventor')
    .max(50),
});
export type PreviewBody = z.infer<typeof PreviewBody>;

export const PreviewView = z.object({
  teamShareFen: z.number().int(),
  /** The floor applied, in percent. */
  teamSharePct: z.number(),
  /** The law or regulation the percentage comes from. */
  source: z.string(),
  /** The region whose rule applied (null: the national rule). */
  ruleRegionCode: z.string().nullable(),
  perInventor: z.array(z.object({ name: z.string(), amountFen: z.number().int() })),
});
export type PreviewView = z.infer<typeof PreviewView>;

export const ParametersView = z.object({
  national: z.object({ pct: z.record(z.string(), z.number()), source: z.string() }),
  regions: z.array(z.object({ regionCode: z.string(), pct: z.record(z.string(), z.number()), source: z.string() })),
  taxNotes: z.object({ cash: z.string(), equity: z.string(), wageCap: z.string() }),
});

export const InventorShareInput = z.object({
  name: Text(50).min(1, 'is required'),
  /** The inventor's account, when they have one (they then see their own statement). */
  userId: z.uuid().nullable().optional(),
  contributionPct: Pct,
  mainContributor: z.boolean().default(false),
});

export const DistributionInput = z.object({
  /** What the income came from: a completed deal or a certified (registered) contract of the organisation. */
  sourceKind: z.enum(['deal', 'contract']),
  sourceId: z.uuid(),
  route: z.enum(DISTRIBUTION_ROUTES),
  /** Self-implementation: the year of operating profit (and the number of years the share is paid, 3–5). */
  profitYear: z.number().int().min(2000).max(2100).nullable().optional(),
  implementationYears: z.number().int().min(3, 'the law says 3–5 years').max(5, 'the law says 3–5 years').nullable().optional(),
  /** The achievement this is about, if recorded (a disclosure's achievement). */
  achievementId: z.uuid().nullable().optional(),
  receipts: z
    .array(
      z.object({
        receivedOn: z.iso.date('must be a date YYYY-MM-DD'),
        amountFen: Fen.min(1, 'must be above 0'),
        reference: Text(100).min(1, 'is required'),
      }),
    )
    .max(100)
    .default([]),
  costs: z
    .array(z.object({ kind: z.enum(COST_KINDS), description: Text(200).min(1, 'is required'), amountFen: Fen.min(1, 'must be above 0') }))
    .max(100)
    .default([]),
  /** The organisation's own share, when above the legal floor (percent), with its rule's name. */
  organizationSharePct: Pct.nullable().optional(),
  /** The organisation's rule that main contributors get at least this percent of the team's pool. */
  mainContributorsMinPct: Pct.nullable().optional(),
  organizationRule: Text(300).nullable().optional(),
  inventors: z.array(InventorShareInput).min(1, 'name at least one inventor').max(50),
  attachments: z
    .array(z.object({ name: Text(200).min(1), url: HttpUrl(500) }))
    .max(20)
    .default([]),
});
export type DistributionInput = z.infer<typeof DistributionInput>;

export const DistributionTransitionBody = z.object({
  action: z.enum(DISTRIBUTION_TRANSITIONS),
  reason: Text(1000).optional(),
  /** pay: the bank or payroll reference of the payout. */
  reference: Text(100).optional(),
  paidOn: z.iso.date().optional(),
});

export const StatementView = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  contributionPct: z.number(),
  mainContributor: z.boolean(),
  form: z.enum(['cash', 'equity']),
  amountFen: z.number().int(),
  taxNotes: z.array(z.string()),
});

export const DistributionView = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  sourceKind: z.enum(['deal', 'contract']),
  sourceId: z.string(),
  sourceTitle: z.string(),
  route: z.enum(DISTRIBUTION_ROUTES),
  profitYear: z.number().nullable(),
  implementationYears: z.number().nullable(),
  achievementId: z.string().nullable(),
  status: z.enum(DISTRIBUTION_STATUSES),
  receipts: z.array(z.object({ receivedOn: z.string(), amountFen: z.number(), reference: z.string() })),
  costs: z.array(z.object({ kind: z.enum(COST_KINDS), description: z.string(), amountFen: z.number() })),
  grossIncomeFen: z.number().int(),
  costsFen: z.number().int(),
  netIncomeFen: z.number().int(),
  /** The share applied (percent): the organisation's own when above the floor, else the floor. */
  teamSharePct: z.number(),
  floorPct: z.number(),
  floorSource: z.string(),
  organizationRule: z.string().nullable(),
  mainContributorsMinPct: z.number().nullable(),
  teamShareFen: z.number().int(),
  statements: z.array(StatementView),
  /** Problems that keep it from being submitted (contributions not 100%, main contributors below the rule). */
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  createdBy: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  paymentReference: z.string().nullable(),
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(['edit', ...DISTRIBUTION_TRANSITIONS])),
});
export type DistributionView = z.infer<typeof DistributionView>;

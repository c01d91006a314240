/**
 * Technology-transfer institutions (技术转移机构), demonstration-institution rounds (示范机构认定) and
 * alliances (联盟) — issue 15, C7.
 *
 *   GET  /api/institutions?q=&service=&demonstration=        public                  { items: InstitutionSummary[], total }
 *   GET  /api/institutions/:id                               public                  InstitutionView (id = the organisation's id)
 *   PUT  /api/institutions/:id/profile                       institution:update_own  ProfileBody → InstitutionView
 *   GET  /api/demonstration-rounds                           public                  { items: RoundSummary[] }
 *   GET  /api/demonstration-rounds/:id                       public                  RoundView (results once published; applications to certifiers)
 *   POST /api/demonstration-rounds                           institution:certify     CreateRoundBody → 201 RoundView
 *   POST /api/demonstration-rounds/:id/transitions           institution:certify     { action: close_applications | publish | finalise }
 *   GET  /api/demonstration-rounds/:id/applications          institution:certify     { items: ApplicationSummary[] }
 *   POST /api/demonstration-rounds/:id/applications          institution:update_own  ApplicationBody → 201 ApplicationView (draft, prefilled, checked)
 *   GET  /api/me/demonstration-applications                  authenticated           { mine: ApplicationSummary[], toScore: ApplicationSummary[] }
 *   GET  /api/demonstration-applications/:id                 authenticated           ApplicationView (applicant, certifiers, its scorers)
 *   PATCH /api/demonstration-applications/:id                institution:update_own  ApplicationBody → ApplicationView (draft only; re-checked)
 *   POST /api/demonstration-applications/:id/transitions     institution:update_own  { action: submit | withdraw }
 *   POST /api/demonstration-applications/:id/panel           institution:certify     { size?, dueOn? } → ApplicationView (drawn from the expert pool)
 *        experts score in their workspace on the shared engine: POST /api/panels/:panelId/scores (experts module)
 *   GET  /api/alliances, /api/alliances/:id                  public
 *   POST /api/alliances                                      institution:certify     AllianceBody → 201 AllianceView
 *   POST /api/alliances/:id/members                          institution:certify     { organizationId } → AllianceView
 *   DELETE /api/alliances/:id/members/:organizationId        institution:certify     → AllianceView (never the lead)
 */
import { z } from 'zod';

/** GB/T 34670-2017《技术转移服务规范》: the service types a technology-transfer institution offers. */
export const SERVICE_TYPES = [
  'development',
  'transfer',
  'consulting_service',
  'evaluation',
  'investment_financing',
  'online_platform',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, { zh: string; en: string }> = {
  development: { zh: '技术开发服务', en: 'Technology development' },
  transfer: { zh: '技术转让服务', en: 'Technology transfer' },
  consulting_service: { zh: '技术服务与技术咨询', en: 'Technical service and consulting' },
  evaluation: { zh: '技术评价服务', en: 'Technology evaluation' },
  investment_financing: { zh: '技术投融资服务', en: 'Investment and financing' },
  online_platform: { zh: '信息网络平台服务', en: 'Online platform' },
};
export const SERVICE_TYPES_SOURCE = 'GB/T 34670-2017《技术转移服务规范》';

/** What the platform measures (or the applicant declares) for a threshold. */
export const METRICS = [
  'years_operating',
  'certified_brokers',
  'full_time_staff',
  'deals_last_year',
  'income_last_year_fen',
  'contract_amount_last_year_fen',
  'complaints_last_2_years',
] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<Metric, { zh: string; en: string; unit: string }> = {
  years_operating: { zh: '成立年限', en: 'Years operating', unit: '年' },
  certified_brokers: { zh: '持证技术经纪人', en: 'Certified brokers', unit: '人' },
  full_time_staff: { zh: '专职人员', en: 'Full-time staff', unit: '人' },
  deals_last_year: { zh: '上年度促成技术转移项目', en: 'Deals brokered last year', unit: '项' },
  income_last_year_fen: { zh: '上年度营业性收入', en: 'Income last year', unit: '分' },
  contract_amount_last_year_fen: { zh: '上年度促成技术合同成交额', en: 'Contracts brokered last year', unit: '分' },
  complaints_last_2_years: { zh: '近两年投诉或不良行为', en: 'Complaints in two years', unit: '次' },
};
/** Where a figure came from: measured by the platform, the institution's profile, or declared in the application. */
export const FIGURE_ORIGINS = ['platform', 'profile', 'declared'] as const;

export const Condition = z.object({ metric: z.enum(METRICS), op: z.enum(['gte', 'lte']), value: z.number().int().min(0) });
/** A threshold passes when ANY of its conditions holds (one condition for most). */
export const Threshold = z.object({
  key: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(200),
  source: z.string().trim().min(2).max(300),
  conditions: z.array(Condition).min(1).max(4),
});
export type Threshold = z.infer<typeof Threshold>;

export const ROUND_STATUSES = ['open', 'reviewing', 'notice', 'final'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<RoundStatus, { zh: string; en: string }> = {
  open: { zh: '受理申报', en: 'Accepting applications' },
  reviewing: { zh: '评审中', en: 'Under review' },
  notice: { zh: '结果公示', en: 'Results under notice' },
  final: { zh: '已认定', en: 'Final' },
};
export const ROUND_TRANSITIONS = ['close_applications', 'publish', 'finalise'] as const;
export type RoundTransition = (typeof ROUND_TRANSITIONS)[number];

export const APPLICATION_STATUSES = ['draft', 'submitted', 'ineligible', 'scoring', 'approved', 'not_approved', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已申报', en: 'Submitted' },
  ineligible: { zh: '未通过形式审查', en: 'Ineligible' },
  scoring: { zh: '专家评审中', en: 'Being scored' },
  approved: { zh: '拟认定', en: 'Approved' },
  not_approved: { zh: '未通过', en: 'Not approved' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
export const APPLICATION_TRANSITIONS = ['submit', 'withdraw'] as const;

const Text = (max: number) => z.string().trim().max(max);
const LocalDate = z.iso.date();
const Fen = z.number().int().min(0).max(1e15);

export const ProfileBody = z.object({
  services: z.array(z.enum(SERVICE_TYPES)).min(1, 'choose at least one service type').max(SERVICE_TYPES.length),
  serviceDescription: Text(4000).default(''),
  foundedOn: LocalDate,
  fullTimeStaff: z.number().int().min(0).max(100000),
  totalStaff: z.number().int().min(0).max(100000),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const ServiceRecord = z.object({
  /** Registered contracts the institution brokered: as the intermediary party, or through a broker it employs. */
  dealsBrokered: z.number().int(),
  contractAmountFen: z.number().int(),
  technologyTransactionAmountFen: z.number().int(),
  /** Of those, platform deals completed. */
  completedDeals: z.number().int(),
  /** Distinct enterprises among the sellers and buyers of those contracts. */
  enterprisesServed: z.number().int(),
  /** Registered consulting/service contracts the institution itself sold (its technical income). */
  serviceIncomeFen: z.number().int(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;

const OrgRef = z.object({ id: z.string(), name: z.string() });

export const TitleView = z.object({
  roundId: z.string(),
  year: z.number().int(),
  status: z.enum(['held', 'lost', 'expired']),
  awardedOn: z.string(),
  expiresOn: z.string(),
  failingYears: z.number().int(),
});

export const InstitutionSummary = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  hasProfile: z.boolean(),
  services: z.array(z.enum(SERVICE_TYPES)),
  foundedOn: z.string().nullable(),
  fullTimeStaff: z.number().int().nullable(),
  certifiedBrokers: z.number().int(),
  serviceRecord: ServiceRecord,
  /** The demonstration title held now, if any. */
  demonstration: TitleView.nullable(),
});
export type InstitutionSummary = z.infer<typeof InstitutionSummary>;

export const InstitutionView = InstitutionSummary.extend({
  description: z.string().nullable(),
  website: z.string().nullable(),
  serviceDescription: z.string(),
  totalStaff: z.number().int().nullable(),
  brokers: z.array(z.object({ id: z.string(), name: z.string(), tier: z.string().nullable(), certified: z.boolean() })),
  titles: z.array(TitleView),
  alliances: z.array(z.object({ id: z.string(), name: z.string(), lead: z.boolean() })),
  /** Last calendar year's figures beside the all-time ones in `serviceRecord`. */
  lastYear: z.object({ year: z.number().int(), record: ServiceRecord }),
  actions: z.array(z.enum(['edit_profile', 'apply'])),
});
export type InstitutionView = z.infer<typeof InstitutionView>;

export const InstitutionsQuery = z.object({
  q: Text(100).optional(),
  service: z.enum(SERVICE_TYPES).optional(),
  demonstration: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CreateRoundBody = z.object({
  year: z.number().int().min(2000).max(2100),
  title: Text(200).min(2, 'is required'),
  applicationDeadline: LocalDate,
  /** Entry thresholds; the defaults (server/modules/institutions/rules.ts) when omitted. */
  thresholds: z.array(Threshold).min(1).max(20).optional(),
  passMark: z.number().min(0).max(100).default(70),
  /** Experts drawn at random from the pool for each application (the aggregate drops the extremes from 5). */
  panelSize: z.number().int().min(1).max(15).default(5),
  noticeWorkingDays: z.number().int().min(1).max(30).default(7),
  termYears: z.number().int().min(1).max(10).default(3),
});

export const RoundSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  applicationDeadline: z.string(),
  noticeEndsAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  applications: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundView = RoundSummary.extend({
  thresholds: z.array(Threshold),
  passMark: z.number(),
  panelSize: z.number().int(),
  noticeWorkingDays: z.number().int(),
  termYears: z.number().int(),
  sheet: z.object({
    key: z.string(),
    name: z.string(),
    source: z.string(),
    criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
  }),
  /** Published results: approved institutions with their mean score (public from publication). */
  results: z.array(z.object({ organization: OrgRef, mean: z.number().nullable(), status: z.enum(APPLICATION_STATUSES) })).nullable(),
  actions: z.array(z.enum([...ROUND_TRANSITIONS, 'apply'])),
});
export type RoundView = z.infer<typeof RoundView>;

export const ApplicationBody = z.object({
  organizationId: z.uuid().optional(),
  /** Declared figures the platform cannot know (fen for money). */
  declaredIncomeLastYearFen: Fen.nullable().optional(),
  declaredComplaintsLast2Years: z.number().int().min(0).max(1000).nullable().optional(),
  statement: Text(5000).default(''),
});

export const Figure = z.object({
  metric: z.enum(METRICS),
  value: z.number().nullable(),
  origin: z.enum(FIGURE_ORIGINS),
});
export const CheckResult = z.object({
  key: z.string(),
  label: z.string(),
  source: z.string(),
  passed: z.boolean(),
  conditions: z.array(
    z.object({
      metric: z.enum(METRICS),
      op: z.enum(['gte', 'lte']),
      required: z.number(),
      value: z.number().nullable(),
      origin: z.enum(FIGURE_ORIGINS),
      passed: z.boolean(),
    }),
  ),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const ApplicationSummary = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  year: z.number().int(),
  organization: OrgRef,
  status: z.enum(APPLICATION_STATUSES),
  eligible: z.boolean(),
  mean: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationView = ApplicationSummary.extend({
  statement: z.string(),
  figures: z.array(Figure),
  checks: z.array(CheckResult),
  /** Scores: each expert's total (names to certifiers), dropped extremes marked; the caller's own sheet to a seated expert. */
  panel: z
    .object({
      /** The shared engine's panel (experts score at POST /api/panels/:panelId/scores). */
      panelId: z.string(),
      scorers: z.array(
        z.object({ userId: z.string().nullable(), name: z.string().nullable(), total: z.number().nullable(), dropped: z.boolean() }),
      ),
      complete: z.boolean(),
      mean: z.number().nullable(),
    })
    .nullable(),
  myScores: z.record(z.string(), z.number()).nullable(),
  actions: z.array(z.enum(['edit', 'submit', 'withdraw', 'assign_panel', 'score'])),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const PanelBody = z.object({
  /** Default: the round's panel size. */
  size: z.number().int().min(1).max(15).optional(),
  /** Scores due by the end of this day (Beijing). */
  dueOn: LocalDate.optional(),
});

export const AllianceBody = z.object({
  name: Text(200).min(2, 'is required'),
  description: Text(4000).default(''),
  foundedOn: LocalDate,
  leadOrganizationId: z.uuid(),
  memberOrganizationIds: z.array(z.uuid()).max(200).default([]),
});
export const AllianceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  foundedOn: z.string(),
  lead: OrgRef,
  members: z.array(OrgRef.extend({ joinedOn: z.string(), lead: z.boolean() })),
  actions: z.array(z.enum(['manage'])),
});
export type AllianceView = z.infer<typeof AllianceView>;

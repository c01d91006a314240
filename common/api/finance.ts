/**
 * Finance (C11): investors, financing requests, 科技型中小企业 self-assessment, IP-pledge loans.
 *
 *   GET  /api/investors?fieldCode=&stage=&instrument=          public               { items: InvestorView[] }
 *   PUT  /api/me/investor-profile                              finance:participate  InvestorProfileInput → InvestorView
 *   GET  /api/investors/:organizationId/matches                authenticated        { requests, achievements } (the investor's members)
 *   GET  /api/financing-requests?stage=&instrument=&smeQualified=  authenticated     { items: FinancingRequestView[] }
 *   POST /api/financing-requests                               finance:participate  FinancingRequestInput → 201
 *   GET  /api/financing-requests/:id                           authenticated        FinancingRequestView (+ matched investors for the owner)
 *   POST /api/financing-requests/:id/transitions               finance:participate  { action: fund | close }
 *   POST /api/financing-requests/:id/interests                 finance:participate  InterestInput → 201 InterestView
 *   GET  /api/financing-interests/:id                          authenticated        InterestView (the two sides)
 *   POST /api/financing-interests/:id/messages                 finance:participate  { body } → 201 InterestView
 *   POST /api/financing-interests/:id/transitions              finance:participate  { action: accept | decline | withdraw }
 *   PUT  /api/me/sme-assessments/:year                         finance:participate  SmeAssessmentInput → SmeAssessmentView
 *   GET  /api/me/sme-assessments                               authenticated        { items }
 *   POST /api/pledge-loans                                     finance:participate  PledgeLoanInput → 201 PledgeLoanView
 *   GET  /api/me/pledge-loans                                  authenticated        { items } (as applicant or as the bank)
 *   GET  /api/pledge-loans/:id                                 authenticated        PledgeLoanView
 *   POST /api/pledge-loans/:id/transitions                     finance:participate  PledgeTransitionInput → PledgeLoanView
 */
import { z } from 'zod';
import { DIRECT_QUALIFICATIONS } from '../sme.js';

export const FINANCING_STAGES = ['seed', 'angel', 'series_a', 'series_b', 'growth', 'pre_ipo', 'working_capital'] as const;
export const FINANCING_STAGE_LABELS: Record<(typeof FINANCING_STAGES)[number], string> = {
  seed: '种子期',
  angel: '天使轮',
  series_a: 'A 轮',
  series_b: 'B 轮',
  growth: '成长期',
  pre_ipo: 'Pre-IPO',
  working_capital: '流动资金',
};
export const INSTRUMENTS = ['equity', 'debt'] as const;
export const INSTRUMENT_LABELS: Record<(typeof INSTRUMENTS)[number], string> = { equity: '股权融资', debt: '债权融资' };

const Text = (max: number) => z.string().trim().max(max);
const Fen = z.number().int().min(0).max(1e15);
const Trl = z.number().int().min(1).max(9);

export const InvestorProfileInput = z.object({
  organizationId: z.uuid().optional(),
  stages: z.array(z.enum(FINANCING_STAGES)).min(1),
  instruments: z.array(z.enum(INSTRUMENTS)).min(1),
  ticketMinFen: Fen,
  ticketMaxFen: Fen,
  fieldCodes: z.array(Text(32).min(1)).max(30),
  regionCodes: z.array(z.string().regex(/^\d{6,12}$/)).max(30),
  trlMin: Trl,
  trlMax: Trl,
  smeOnly: z.boolean().default(false),
  description: Text(3000).min(2),
  published: z.boolean().default(true),
});

export const InvestorView = InvestorProfileInput.omit({ organizationId: true }).extend({
  organizationId: z.string(),
  name: z.string(),
  type: z.string(),
  regionCode: z.string(),
  updatedAt: z.string(),
});
export type InvestorView = z.infer<typeof InvestorView>;

export const InvestorsQuery = z.object({
  fieldCode: Text(32).optional(),
  stage: z.enum(FINANCING_STAGES).optional(),
  instrument: z.enum(INSTRUMENTS).optional(),
});

export const MatchComponent = z.object({ key: z.string(), label: z.string(), points: z.number(), weight: z.number(), reason: z.string() });
export const MatchView = z.object({
  kind: z.enum(['financing_request', 'achievement', 'investor']),
  id: z.string(),
  title: z.string(),
  total: z.number(),
  components: z.array(MatchComponent),
});

export const REQUEST_STATUSES = ['open', 'funded', 'closed'] as const;
export const REQUEST_STATUS_LABELS: Record<(typeof REQUEST_STATUSES)[number], string> = {
  open: '融资中',
  funded: '已完成融资',
  closed: '已关闭',
};

export const FinancingRequestInput = z.object({
  organizationId: z.uuid().optional(),
  title: Text(200).min(2),
  summary: Text(5000).min(2),
  amountFen: z.number().int().min(1).max(1e15),
  use: Text(2000).min(2),
  stage: z.enum(FINANCING_STAGES),
  instrument: z.enum(INSTRUMENTS),
  equityOfferedBp: z.number().int().min(1).max(10_000).nullable().default(null),
  fieldCode: Text(32).min(1),
  trl: Trl,
  achievementId: z.uuid().nullable().default(null),
});

export const RequestsQuery = z.object({
  stage: z.enum(FINANCING_STAGES).optional(),
  instrument: z.enum(INSTRUMENTS).optional(),
  status: z.enum(REQUEST_STATUSES).default('open'),
  /** Only requests from organisations that passed the 科技型中小企业 self-assessment for this year. */
  smeQualified: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const INTEREST_STATUSES = ['expressed', 'accepted', 'declined', 'withdrawn'] as const;
export const INTEREST_STATUS_LABELS: Record<(typeof INTEREST_STATUSES)[number], string> = {
  expressed: '已表达意向',
  accepted: '已接受',
  declined: '已婉拒',
  withdrawn: '已撤回',
};

export const InterestInput = z.object({
  organizationId: z.uuid().optional(),
  amountFen: Fen.nullable().default(null),
  message: Text(5000).min(2),
});

export const InterestView = z.object({
  id: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  investor: z.object({ id: z.string(), name: z.string() }),
  requester: z.object({ id: z.string(), name: z.string() }),
  amountFen: z.number().nullable(),
  status: z.enum(INTEREST_STATUSES),
  mySide: z.enum(['requester', 'investor']).nullable(),
  messages: z.array(z.object({ id: z.string(), side: z.string(), authorName: z.string(), body: z.string(), createdAt: z.string() })),
  actions: z.array(z.enum(['message', 'accept', 'decline', 'withdraw'])),
  createdAt: z.string(),
});

export const FinancingRequestView = FinancingRequestInput.omit({ organizationId: true }).extend({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  regionCode: z.string(),
  achievementTitle: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  smeQualifiedYears: z.array(z.number()),
  interestCount: z.number(),
  mine: z.boolean(),
  actions: z.array(z.enum(['interest', 'fund', 'close'])),
  interests: z.array(InterestView.pick({ id: true, investor: true, amountFen: true, status: true, createdAt: true })),
  matchedInvestors: z.array(MatchView),
  createdAt: z.string(),
});
export type FinancingRequestView = z.infer<typeof FinancingRequestView>;

export const SmeAssessmentInput = z.object({
  organizationId: z.uuid().optional(),
  staff: z.number().int().min(1).max(1_000_000),
  techStaff: z.number().int().min(0).max(1_000_000),
  revenueFen: Fen,
  assetsFen: Fen,
  rdExpenseFen: Fen,
  costExpenseFen: Fen.nullable().default(null),
  classIRights: z.number().int().min(0).max(100_000),
  classIIRights: z.number().int().min(0).max(100_000),
  directQualifications: z.array(z.enum(DIRECT_QUALIFICATIONS)).default([]),
  declarationsConfirmed: z.boolean(),
});

export const SmeAssessmentView = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  year: z.number(),
  staffScore: z.number(),
  rdScore: z.number(),
  rdBasis: z.enum(['revenue', 'cost']),
  ipScore: z.number(),
  total: z.number(),
  sizeOk: z.boolean(),
  route: z.enum(['score', 'direct', 'none']),
  qualified: z.boolean(),
  reasons: z.array(z.string()),
  source: z.string(),
  assessedAt: z.string(),
});

export const PATENT_LEGAL_STATUSES = ['valid', 'pending', 'lapsed', 'invalidated'] as const;
export const PATENT_LEGAL_STATUS_LABELS: Record<(typeof PATENT_LEGAL_STATUSES)[number], string> = {
  valid: '有效',
  pending: '审查中',
  lapsed: '失效',
  invalidated: '被宣告无效',
};

export const PLEDGE_STATUSES = ['submitted', 'approved', 'declined', 'withdrawn', 'pledged', 'repaid', 'released'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = {
  submitted: '待银行审批',
  approved: '已批准，待质押登记',
  declined: '未获批准',
  withdrawn: '已撤回',
  pledged: '质押已登记，贷款存续',
  repaid: '已还款，待解除质押',
  released: '质押已解除',
};
export const PLEDGE_TRANSITIONS = ['approve', 'decline', 'withdraw', 'register_pledge', 'record_repayment', 'release'] as const;
export type PledgeTransition = (typeof PLEDGE_TRANSITIONS)[number];

export const PledgeLoanInput = z.object({
  organizationId: z.uuid().optional(),
  bankOrganizationId: z.uuid(),
  amountFen: z.number().int().min(1).max(1e15),
  termMonths: z.number().int().min(1).max(120),
  purpose: Text(2000).min(2),
  patents: z
    .array(
      z.object({
        number: Text(32).min(8),
        title: Text(300).min(2),
        legalStatus: z.enum(PATENT_LEGAL_STATUSES),
        patentee: Text(200).min(2),
      }),
    )
    .min(1)
    .max(50),
  valuation: z.object({
    valuer: Text(200).min(2),
    valueFen: z.number().int().min(1).max(1e15),
    reportName: Text(200).min(2),
    reportUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(2000),
    valuedOn: z.iso.date(),
  }),
});

export const PledgeTransitionInput = z.object({
  action: z.enum(PLEDGE_TRANSITIONS),
  note: Text(2000).optional(),
  approvedFen: z.number().int().min(1).max(1e15).optional(),
  rateBp: z.number().int().min(0).max(5000).optional(),
  pledgeRegistrationNo: Text(64).optional(),
  registeredOn: z.iso.date().optional(),
  pledgeUntil: z.iso.date().optional(),
  on: z.iso.date().optional(),
});

export const PledgeLoanView = z.object({
  id: z.string(),
  applicant: z.object({ id: z.string(), name: z.string() }),
  bank: z.object({ id: z.string(), name: z.string() }),
  amountFen: z.number(),
  termMonths: z.number(),
  purpose: z.string(),
  patents: z.array(z.object({ number: z.string(), title: z.string(), legalStatus: z.string(), patentee: z.string() })),
  valuation: z.object({ valuer: z.string(), valueFen: z.number(), reportName: z.string(), reportUrl: z.string(), valuedOn: z.string() }),
  status: z.enum(PLEDGE_STATUSES),
  approvedFen: z.number().nullable(),
  rateBp: z.number().nullable(),
  decisionNote: z.string().nullable(),
  pledge: z
    .object({
      registrationNo: z.string(),
      pledgor: z.string(),
      pledgee: z.string(),
      registeredOn: z.string(),
      until: z.string().nullable(),
    })
    .nullable(),
  repaidOn: z.string().nullable(),
  releasedOn: z.string().nullable(),
  mySide: z.enum(['applicant', 'bank']),
  actions: z.array(z.enum(PLEDGE_TRANSITIONS)),
  createdAt: z.string(),
});
export type PledgeLoanView = z.infer<typeof PledgeLoanView>;

/**
 * Subsidy programmes paid on registered technology contracts (C11).
 *
 *   GET  /api/subsidy-programmes                                public              { items: ProgrammeView[] }
 *   GET  /api/subsidy-programmes/:id                            public              ProgrammeView
 *   POST /api/subsidy-programmes                                subsidy:administer  ProgrammeInput → 201 ProgrammeView
 *   GET  /api/subsidy-programmes/:id/estimate?organizationId=   authenticated       Estimate (the organisation's members, officers)
 *   GET  /api/subsidy-programmes/:id/totals                     subsidy:administer  Totals (per district)
 *   POST /api/subsidy-contract-payments                         subsidy:apply       PaymentInput → 201
 *   POST /api/subsidy-applications                              subsidy:apply       ApplicationInput → 201 ApplicationView
 *   GET  /api/me/subsidy-applications                           authenticated       { items: ApplicationView[] }
 *   GET  /api/subsidy-applications?status=                      subsidy:administer  { items } (the officer's region)
 *   GET  /api/subsidy-applications/:id                          authenticated       ApplicationView
 *   POST /api/subsidy-applications/:id/transitions              authenticated       TransitionInput → ApplicationView
 */
import { z } from 'zod';
import { CONTRACT_TYPES } from '../contracts.js';

export const APPLICANT_ROLES = ['seller', 'buyer', 'institution', 'broker'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];
export const APPLICANT_ROLE_LABELS: Record<ApplicantRole, string> = {
  seller: '卖方（技术输出方）',
  buyer: '买方（技术吸纳方）',
  institution: '技术转移机构（中介方）',
  broker: '技术经纪（中介方）',
};

export const APPLICATION_STATUSES = [
  'submitted',
  'returned',
  'in_review',
  'reviewed',
  'approved',
  'rejected',
  'noticed',
  'paid',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '待区级形式审查',
  returned: '退回补正',
  in_review: '专家评审中',
  reviewed: '待审定',
  approved: '已审定',
  rejected: '未通过',
  noticed: '公示中',
  paid: '已拨付',
  withdrawn: '已撤回',
};

export const APPLICATION_TRANSITIONS = [
  'resubmit',
  'withdraw',
  'return',
  'pass_check',
  'complete_review',
  'approve',
  'reject',
  'publish_notice',
  'record_payment',
] as const;
export type ApplicationTransition = (typeof APPLICATION_TRANSITIONS)[number];
export const APPLICATION_TRANSITION_LABELS: Record<ApplicationTransition, string> = {
  resubmit: '补正后重新提交',
  withdraw: '撤回',
  return: '退回补正',
  pass_check: '形式审查通过',
  complete_review: '完成专家评审',
  approve: '审定通过',
  reject: '不予支持',
  publish_notice: '发布公示',
  record_payment: '登记拨付',
};

const Text = (max: number) => z.string().trim().max(max);
const Day = z.iso.date();
const FenInt = z.number().int().min(0).max(1e15);

export const RateScheduleSchema = z.object({
  tiers: z
    .array(z.object({ uptoFen: FenInt.nullable(), basisPoints: z.number().int().min(0).max(10_000) }))
    .min(1)
    .max(10),
  capFenPerOrganizationYear: FenInt.nullable(),
});

export const ProgrammeInput = z.object({
  name: Text(200).min(2),
  issuer: Text(200).min(2),
  documentNumber: Text(100).min(2),
  regionCode: z.string().regex(/^\d{6,12}$/),
  year: z.number().int().min(2000).max(2100),
  applicantRoles: z.array(z.enum(APPLICANT_ROLES)).min(1),
  contractTypes: z.array(z.enum(CONTRACT_TYPES)).min(1),
  basis: z.enum(['paid', 'registered']),
  buyerRegionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .nullable(),
  minLicenceYears: z.number().int().min(1).max(50).nullable(),
  requireSme: z.boolean().default(false),
  schedule: RateScheduleSchema,
  opensOn: Day,
  closesOn: Day,
  noticeWorkingDays: z.number().int().min(1).max(30),
  minReviewers: z.number().int().min(1).max(15),
  sources: z.record(z.string(), Text(300)).default({}),
  description: Text(5000).default(''),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

export const ProgrammeView = ProgrammeInput.extend({
  id: z.string(),
  regionName: z.string(),
  open: z.boolean(),
  createdAt: z.string(),
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;

export const SubsidyLineView = z.object({
  kind: z.enum(['contract', 'excluded', 'base', 'tier', 'cap', 'granted', 'total']),
  label: z.string(),
  amountFen: z.number().nullable(),
  contractId: z.string().optional(),
  registrationNumber: z.string().nullable().optional(),
});

export const EstimateQuery = z.object({
  organizationId: z.uuid(),
  /** Simulator: count registered contracts without recorded payments as fully paid. */
  assumeFullyPaid: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const EstimateContract = z.object({
  contractId: z.string(),
  registrationNumber: z.string(),
  title: z.string(),
  type: z.string(),
  role: z.string(),
  technologyTransactionAmountFen: z.number(),
  paidFen: z.number(),
  baseFen: z.number(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
});

export const Estimate = z.object({
  programmeId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  year: z.number(),
  eligibleContracts: z.number(),
  baseFen: z.number(),
  amountFen: z.number(),
  alreadyGrantedFen: z.number(),
  simulated: z.boolean(),
  blocked: z.array(z.string()),
  contracts: z.array(EstimateContract),
  lines: z.array(SubsidyLineView),
});
export type Estimate = z.infer<typeof Estimate>;

export const PaymentInput = z.object({
  contractId: z.uuid(),
  organizationId: z.uuid().optional(),
  amountFen: z.number().int().min(1).max(1e15),
  paidOn: Day,
  bankVoucherNo: Text(64).min(2),
  invoiceNo: Text(64).min(2),
});

export const ApplicationInput = z.object({
  programmeId: z.uuid(),
  organizationId: z.uuid().optional(),
  note: Text(2000).optional(),
});

export const TransitionInput = z.object({
  action: z.enum(APPLICATION_TRANSITIONS),
  note: Text(2000).optional(),
  meetingOn: Day.optional(),
  approvedFen: FenInt.optional(),
  paidFen: FenInt.optional(),
  paidOn: Day.optional(),
  paymentReference: Text(64).optional(),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

export const ApplicationsQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  programmeId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const ApplicationView = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), year: z.number() }),
  organization: z.object({ id: z.string(), name: z.string() }),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  contractIds: z.array(z.string()),
  lines: z.array(SubsidyLineView),
  baseFen: z.number(),
  requestedFen: z.number(),
  approvedFen: z.number().nullable(),
  paidFen: z.number().nullable(),
  note: z.string().nullable(),
  officerNote: z.string().nullable(),
  reviewMean: z.number().nullable(),
  /** The expert panel (shared engine), to the officers over the applicant; null before the formal check passes. */
  panel: z
    .object({ panelId: z.string(), size: z.number(), scored: z.number(), complete: z.boolean(), mean: z.number().nullable() })
    .nullable(),
  /** Each seated expert's sheet (null until scored), to the officers. */
  reviews: z.array(
    z.object({
      reviewerName: z.string(),
      status: z.string(),
      scores: z.record(z.string(), z.number()).nullable(),
      total: z.number().nullable(),
      comment: z.string().nullable(),
    }),
  ),
  meetingOn: z.string().nullable(),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
  submittedAt: z.string(),
  actions: z.array(z.enum(APPLICATION_TRANSITIONS)),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const Totals = z.object({
  programmeId: z.string(),
  applications: z.number(),
  requestedFen: z.number(),
  approvedFen: z.number(),
  paidFen: z.number(),
  districts: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      applications: z.number(),
      requestedFen: z.number(),
      approvedFen: z.number(),
      paidFen: z.number(),
    }),
  ),
});

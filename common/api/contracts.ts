/**
 * Request/response schemas of the contracts module (C5: 技术合同认定登记).
 *
 * Routes (method, path, access; the service checks ownership and registration-point scope again):
 *   GET    /api/contracts/parameters                     public             ParametersView
 *   PUT    /api/contracts/parameters                     contract:register  ParametersBody → ParametersView (platform admins only)
 *   GET    /api/contracts/registration-points            contract:apply     { items: RegistrationPointView[] }
 *   GET    /api/contracts/prefill?dealId=                contract:apply     ContractPrefill (from a trading deal)
 *   POST   /api/contracts?organizationId=                contract:apply     ContractInput → 201 ContractView (a draft)
 *   GET    /api/me/contracts                             contract:apply     MyContractsQuery → ContractPage
 *   GET    /api/contracts/:id                            authenticated      ContractView (404 outside the caller's scope)
 *   PUT    /api/contracts/:id                            contract:apply     ContractInput → ContractView (draft or returned)
 *   POST   /api/contracts/:id/transitions                authenticated      TransitionBody → ContractView
 *   POST   /api/contracts/:id/expert-panel               contract:register  ExpertPanelBody → 201 ExpertPanelView (drawn from the expert pool)
 *   GET    /api/contracts/:id/expert-panel               contract:register  ExpertPanelView
 *   PUT    /api/contracts/:id/expert-review              contract:register  ExpertReviewBody → ContractView (from the complete panel)
 *   POST   /api/contracts/:id/amendments                 contract:register  AmendmentBody → ContractView (new version)
 *   GET    /api/contracts/:id/versions                   authenticated      { items: ContractVersionView[] }
 *   GET    /api/contracts/:id/certificate.pdf            authenticated      application/pdf (a marked preview before certification)
 *   POST   /api/contracts/:id/attachments?kind=&name=    contract:apply     raw body (application/pdf, image/jpeg, image/png) → 201 AttachmentView
 *   GET    /api/contracts/:id/attachments/:attachmentId  authenticated      the file
 *   DELETE /api/contracts/:id/attachments/:attachmentId  contract:apply     204 (draft or returned)
 *   GET    /api/registration/contracts                   contract:register  QueueQuery → ContractPage (sorted by deadline, overdue flagged)
 *   GET    /api/contracts/import-template.xlsx           public             xlsx template (Chinese headers, 填写说明 sheet)
 *   POST   /api/contracts/import?organizationId=&jobId=  contract:apply     raw xlsx → 201 ImportResult (submitted applications, all or nothing)
 *   POST   /api/registration/contracts/import?registrationOrganizationId=&jobId=
 *                                                        contract:register  raw xlsx → 201 ImportResult (historical registrations, certified)
 *   GET    /api/me/contracts/export.xlsx?status=         contract:apply     my organisations' contracts (re-imports)
 *   GET    /api/registration/contracts/export.xlsx       contract:register  ExportQuery → the point's contracts (re-imports as historical)
 *   GET    /api/contracts/import-jobs/:id                authenticated      ImportJobView (the user who started it only)
 */
import { z } from 'zod';
import { DayWithin, Text } from '../text.js';
import { isValidCreditCode } from '../credit-code.js';
import {
  ALL_CONTRACT_SUBTYPES,
  CONTRACT_PARAMETER_KEYS,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  COST_ITEM_KINDS,
  computeAmounts,
  EXTRA_PARTY_TYPES,
  REFUSAL_REASONS,
  subtypeFits,
} from '../contracts.js';
import { ORGANIZATION_TYPES } from '../roles.js';
import { IpAssetInput } from './catalog.js';
import { ReviewStepView } from './review-steps.js';
import { ScreeningEvidenceView } from './export-control.js';

const MAX_FEN = 100_000_000_000_000; // ¥1 trillion: anything above is a typo
const Fen = z.number().int('must be a whole number of fen').min(0, 'must not be negative').max(MAX_FEN, 'is implausibly large');
/** Contract dates: from 1980 (technology contracts law) to a year ahead; terms may run 30 years. */
const Day = DayWithin({ earliest: '1980-01-01', latestDays: 30 * 366 });
const SignedDay = DayWithin({ earliest: '1980-01-01', latestDays: 366 });

export const PARTY_ORGANIZATION_TYPES = [...ORGANIZATION_TYPES, ...EXTRA_PARTY_TYPES] as const;

export const PartyInput = z
  .object({
    name: Text(200).min(2, 'must be at least 2 characters'),
    /** 统一社会信用代码: required for an organisation in China; none for individuals and parties abroad. */
    creditCode: z.string().trim().toUpperCase().nullable().optional(),
    /** The platform organisation, when the party is one (the applicant's party always is). */
    organizationId: z.uuid('must be an organisation id').nullable().optional(),
    organizationType: z.enum(PARTY_ORGANIZATION_TYPES),
    /** GB/T 2260 code (district, or province outside Tianjin) for a party in China. */
    regionCode: z
      .string()
      .trim()
      .regex(/^\d{6}(\d{2})?$/, 'must be a GB/T 2260 region code')
      .nullable()
      .optional(),
    /** ISO 3166-1 alpha-2; CN for China. */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
      .default('CN'),
    address: Text(300).nullable().optional(),
    contactName: Text(50).nullable().optional(),
    contactPhone: Text(32).nullable().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.country === 'CN') {
      if (!p.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'is required for a party in China' });
      if (p.organizationType !== 'individual') {
        if (!p.creditCode) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'is required for an organisation in China' });
        else if (!isValidCreditCode(p.creditCode))
          ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'is not a valid unified social credit code (GB 32100-2015)' });
      }
    } else if (p.regionCode) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'must be empty for a party abroad (give the country)' });
    }
  });
export type PartyInput = z.infer<typeof PartyInput>;

export const CostItemInput = z.object({
  kind: z.enum(COST_ITEM_KINDS),
  description: Text(200).min(1, 'is required'),
  amountFen: Fen,
  /** Why the item is a non-technical cost (or, for a technical carrier, why the quantity is reasonable). */
  note: Text(1000).min(1, 'is required: say what the item is and why it is (or is not) deducted'),
});
export type CostItemInput = z.infer<typeof CostItemInput>;

export const PaymentInput = z.object({
  dueOn: Day.nullable().optional(),
  amountFen: Fen,
  condition: Text(300).min(1, 'is required (e.g. 签约后 10 日内)'),
});

export const BrokerInput = z.object({
  userId: z.uuid().nullable().optional(),
  name: Text(50).min(1, 'is required'),
});

const contractShape = {
  type: z.enum(CONTRACT_TYPES),
  subtype: z
    .enum(ALL_CONTRACT_SUBTYPES as [string, ...string[]])
    .nullable()
    .optional(),
  title: Text(200).min(2, 'must be at least 2 characters'),
  subject: Text(5000).min(10, 'must be at least 10 characters'),
  fieldCode: z.string().min(1, 'is required').max(32),
  signedOn: SignedDay,
  validFrom: Day.nullable().optional(),
  validUntil: Day.nullable().optional(),
  ipInvolved: z.array(IpAssetInput).max(50).default([]),
  seller: PartyInput,
  buyer: PartyInput,
  intermediary: PartyInput.nullable().optional(),
  broker: BrokerInput.nullable().optional(),
  contractAmountFen: Fen.min(1, 'must be more than zero'),
  nonTechnicalCosts: z.array(CostItemInput).max(100).default([]),
  relatedServicesInvoicedTogether: z.boolean().default(false),
  payments: z.array(PaymentInput).max(100).default([]),
  /** The registration point (an organisation with registrars); default: the one in the applicant's district. */
  registrationOrganizationId: z.uuid('must be an organisation id').nullable().optional(),
  dealId: z.uuid().nullable().optional(),
};

/** Rules across fields; issues name the field (e.g. nonTechnicalCosts.2.amountFen). */
function checkContract(c: z.infer<z.ZodObject<typeof contractShape>>, ctx: z.core.$RefinementCtx) {
  if (!subtypeFits(c.type, c.subtype)) {
    ctx.addIssue({
      code: 'custom',
      path: ['subtype'],
      message: c.type === 'consulting' ? 'must be empty for a consulting contract' : `is not a subtype of ${c.type}`,
    });
  }
  if (c.validFrom && c.validUntil && c.validUntil < c.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
  if (c.seller.country !== 'CN' && c.buyer.country !== 'CN')
    ctx.addIssue({ code: 'custom', path: ['buyer', 'country'], message: 'one of seller and buyer must be in China' });
  for (const issue of computeAmounts({ contractAmountFen: c.contractAmountFen, nonTechnicalCosts: c.nonTechnicalCosts }).issues) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
  let paid = 0;
  c.payments.forEach((p, i) => {
    paid += p.amountFen;
    if (paid > c.contractAmountFen)
      ctx.addIssue({
        code: 'custom',
        path: ['payments', i, 'amountFen'],
        message: 'brings the payment schedule above the contract amount',
      });
  });
}

export const ContractInput = z.object(contractShape).superRefine(checkContract);
export type ContractInput = z.infer<typeof ContractInput>;
/** What a trading deal pre-fills: the input with parties and amounts, for the applicant to complete. */
export const ContractPrefill = z.object({
  dealId: z.string(),
  input: z.object(contractShape).partial(),
  /** Fields the applicant still has to fill. */
  missing: z.array(z.string()),
});

/** The registrar's adjusted technology transaction amount (with its reason when it differs from the computed one). */
const Adjustment = {
  technologyTransactionAmountFen: Fen.optional(),
  adjustmentReason: Text(1000).optional(),
};

export const TransitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }),
  z.object({ action: z.literal('withdraw'), reason: Text(1000).optional() }),
  z.object({ action: z.literal('return'), note: Text(2000).min(2, 'say what to correct') }),
  z.object({ action: z.literal('refuse'), reason: z.enum(REFUSAL_REASONS), note: Text(2000).min(2, 'explain the refusal') }),
  z.object({ action: z.literal('certify'), ...Adjustment, note: Text(2000).optional() }),
  z.object({ action: z.literal('cancel'), reason: Text(1000).min(2, 'give the reason for cancelling') }),
]);
export type TransitionBody = z.infer<typeof TransitionBody>;
export type TransitionAction = TransitionBody['action'];

/**
 * The registrar closes the expert review from the contract's completed review panel: the experts are
 * the panel's (drawn from the pool), the conclusion follows from the panel's score; the registrar writes the opinion.
 */
export const ExpertReviewBody = z.object({
  opinion: Text(5000).min(10, 'must be at least 10 characters'),
});

/** Drawing the contract's review panel from the expert pool (conflicts with the parties excluded). */
export const ExpertPanelBody = z.object({
  size: z.number().int().min(1).max(15).optional(),
  /** The technical field the experts are drawn from; the contract's field by default, none when null. */
  fieldCode: z.string().max(32).nullable().optional(),
});

export const ExpertPanelView = z.object({
  id: z.string(),
  status: z.enum(['scoring', 'complete']),
  size: z.number().int(),
  fieldCode: z.string().nullable(),
  sheet: z.object({ key: z.string(), name: z.string(), source: z.string() }),
  members: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      organizationName: z.string(),
      status: z.enum(['assigned', 'scored', 'conflict', 'declined']),
      total: z.number().nullable(),
      comment: z.string().nullable(),
      dropped: z.boolean(),
    }),
  ),
  /** The aggregated score once every seated expert scored (highest and lowest dropped from 5). */
  mean: z.number().nullable(),
  /** The conclusion the score leads to (from the pass mark), once complete. */
  conclusion: z.enum(['supports', 'does_not_support']).nullable(),
  passMark: z.number(),
});

export const AmendmentBody = z.object({
  contract: ContractInput,
  reason: Text(1000).min(2, 'give the reason for the amendment'),
  ...Adjustment,
});

export const CONTRACT_ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'upload_attachment',
  'return',
  'refuse',
  'certify',
  'record_expert_review',
  'amend',
  'cancel',
  'preview_certificate',
  'download_certificate',
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

export const PartyView = z.object({
  name: z.string(),
  creditCode: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationType: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  country: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
});

export const AmountsView = z.object({
  contractAmountFen: z.number(),
  /** Σ deducted items (equipment, instruments, parts, raw materials). */
  nonTechnicalCostsFen: z.number(),
  /** Σ technical-carrier items (not deducted). */
  technicalCarrierFen: z.number(),
  computedTechnologyTransactionAmountFen: z.number(),
  adjustmentFen: z.number(),
  adjustmentReason: z.string().nullable(),
  technologyTransactionAmountFen: z.number(),
});

export const AttachmentView = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  /** The download route for an uploaded file, or the link given at import. */
  url: z.string(),
  createdAt: z.string(),
});

export const ReviewView = z.object({
  submittedAt: z.string().nullable(),
  /** Close of the registrar's last working day (Beijing time), while submitted. */
  deadlineAt: z.string().nullable(),
  workingDays: z.number().nullable(),
  /** Working days from today to the deadline (negative when overdue), while submitted. */
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  /** The deadline runs into a year whose public holidays are not published yet: counted with weekends only. */
  deadlineEstimated: z.boolean(),
  expertReviewRequired: z.boolean(),
  expertReview: z
    .object({
      experts: z.array(z.object({ name: z.string(), title: z.string().optional(), organization: z.string().optional() })),
      opinion: z.string(),
      conclusion: z.enum(['supports', 'supports_with_adjustment', 'does_not_support']),
      recordedAt: z.string(),
      panelId: z.string().nullable(),
      mean: z.number().nullable(),
    })
    .nullable(),
  note: z.string().nullable(),
  refusalReason: z.enum(REFUSAL_REASONS).nullable(),
  reviewedAt: z.string().nullable(),
});

export const VatExemptionView = z.object({
  eligible: z.boolean(),
  scope: z.enum(['contract', 'none']),
  relatedServicesExempt: z.boolean(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});

export const ContractView = z.object({
  id: z.string(),
  /** Every registrar step (return, refuse, certify, cancel) with who and why; on the one-contract read. */
  reviewSteps: z.array(ReviewStepView).optional(),
  status: z.enum(CONTRACT_STATUSES),
  version: z.number(),
  source: z.string(),
  type: z.enum(CONTRACT_TYPES),
  subtype: z.string().nullable(),
  title: z.string(),
  subject: z.string(),
  fieldCode: z.string().nullable(),
  fieldName: z.string().nullable(),
  signedOn: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  ipInvolved: z.array(z.object({ kind: z.string(), number: z.string().nullable(), title: z.string() })),
  /** Seller abroad: a technology import, applied for by the domestic buyer. */
  technologyImport: z.boolean(),
  seller: PartyView,
  buyer: PartyView,
  intermediary: PartyView.nullable(),
  broker: z.object({ userId: z.string().nullable(), name: z.string() }).nullable(),
  dealId: z.string().nullable(),
  applicant: z.object({ id: z.string(), name: z.string() }),
  registrationPoint: z.object({ id: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string() }),
  amounts: AmountsView,
  nonTechnicalCosts: z.array(
    z.object({ kind: z.enum(COST_ITEM_KINDS), description: z.string(), amountFen: z.number(), note: z.string(), deducted: z.boolean() }),
  ),
  payments: z.array(z.object({ dueOn: z.string().nullable(), amountFen: z.number(), condition: z.string() })),
  relatedServicesInvoicedTogether: z.boolean(),
  vatExemption: VatExemptionView,
  attachments: z.array(AttachmentView),
  review: ReviewView,
  registration: z
    .object({ number: z.string(), certifiedAt: z.string(), cancelledAt: z.string().nullable(), cancelReason: z.string().nullable() })
    .nullable(),
  /** The export-control screening of the contract (or of its deal) with its evidence; null when none. */
  exportScreening: ScreeningEvidenceView.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(CONTRACT_ACTIONS)),
});
export type ContractView = z.infer<typeof ContractView>;

/** One row of a list (my contracts, the registrar's queue). */
export const ContractSummary = z.object({
  id: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  version: z.number(),
  type: z.enum(CONTRACT_TYPES),
  subtype: z.string().nullable(),
  title: z.string(),
  applicantName: z.string(),
  sellerName: z.string(),
  buyerName: z.string(),
  contractAmountFen: z.number(),
  technologyTransactionAmountFen: z.number(),
  registrationPointName: z.string(),
  submittedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  deadlineEstimated: z.boolean(),
  expertReviewRequired: z.boolean(),
  registrationNumber: z.string().nullable(),
  certifiedAt: z.string().nullable(),
  updatedAt: z.string(),
  actions: z.array(z.enum(CONTRACT_ACTIONS)),
});
export type ContractSummary = z.infer<typeof ContractSummary>;
export const ContractPage = z.object({ items: z.array(ContractSummary), total: z.number() });

export const MyContractsQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The registrar's list: by default the submitted applications at the caller's registration points, soonest deadline first. */
export const QueueQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).default('submitted'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Certification year (Beijing time), for certified and cancelled contracts. */
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  q: Text(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ContractVersionView = z.object({
  version: z.number(),
  event: z.enum(['certified', 'amended', 'cancelled']),
  reason: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  contractAmountFen: z.number(),
  technologyTransactionAmountFen: z.number(),
  /** The ContractView at that moment (without actions). */
  snapshot: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const RegistrationPointView = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The point in the applicant's district (or the first in the city). */
  isDefault: z.boolean(),
});

export const ParametersView = z.object({
  items: z.array(
    z.object({
      key: z.enum(CONTRACT_PARAMETER_KEYS),
      value: z.number(),
      defaultValue: z.number(),
      zh: z.string(),
      en: z.string(),
      source: z.string(),
    }),
  ),
});
export const ParametersBody = z
  .object({
    reviewWorkingDays: z.number().int().min(1).max(120).optional(),
    expertReviewWorkingDays: z.number().int().min(1).max(240).optional(),
    expertReviewThresholdFen: Fen.min(1).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'change at least one parameter', path: ['reviewWorkingDays'] });

export const AttachmentQuery = z.object({
  kind: z.enum(['signed_contract', 'appendix', 'approval', 'other']).default('signed_contract'),
  name: Text(200).min(1, 'is required'),
});
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const ImportResult = z.object({ jobId: z.string(), imported: z.number().int(), ids: z.array(z.string()) });
export const ImportJobView = z.object({
  id: z.string(),
  mode: z.enum(['applications', 'historical']),
  status: z.enum(['running', 'succeeded', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  /** `row` as Excel numbers the worksheet rows (0: the file as a whole); `field` the column header. */
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** The registrar's export: the point's contracts in one status (certified by default), optionally one certification year. */
/** The registrar's export: the queue's filter (certified by default); too many rows → a problem naming `query.year`. */
export const ExportQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).default('certified'),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  q: Text(100).optional(),
});
/** The applicant's export: every status, or one. */
export const MyExportQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).optional(),
});
export const ImportQuery = z.object({
  /** Applicants in several organisations name the one they apply for. */
  organizationId: z.uuid().optional(),
  /** Applications: the point to file at (default: the applicant's district's); historical: the registrar's point. */
  registrationOrganizationId: z.uuid().optional(),
  /** Chosen by the client, so it can poll GET /api/contracts/import-jobs/:id while the upload is processed. */
  jobId: z.uuid('must be a uuid').optional(),
});

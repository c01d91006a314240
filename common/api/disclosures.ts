/**
 * Invention disclosures (职务发明披露, C10): a researcher discloses; the inventors confirm; the TTO
 * assesses (教科技〔2020〕1号: assess before filing) and decides; a decided disclosure becomes an
 * achievement (C1) without retyping.
 *
 *   GET  /api/disclosures/parameters                 public               periods with their sources, the score sheet
 *   POST /api/disclosures                            disclosure:file      DisclosureInput → 201 DisclosureView (draft)
 *   GET  /api/me/disclosures                         authenticated        { items } I submitted or am an inventor of
 *   GET  /api/disclosures/queue?overdue=             disclosure:manage    { items } of my organisations (TTO)
 *   GET  /api/disclosures/:id                        authenticated        DisclosureView (else 404)
 *   PUT  /api/disclosures/:id                        disclosure:file      DisclosureInput → DisclosureView (draft, returned)
 *   POST /api/disclosures/:id/inventors/:inventorId/confirm  authenticated  the inventor (or TTO staff for one without an account)
 *   POST /api/disclosures/:id/transitions            authenticated        submit, withdraw, return, start_assessment
 *   POST /api/disclosures/:id/assessments            authenticated        AssessmentInput (the TTO's technology manager)
 *   POST /api/disclosures/:id/panel                  disclosure:manage    { size } optional experts drawn by the shared scoring engine
 *   POST /api/disclosures/:id/decision               disclosure:manage    DecisionInput → DisclosureView (decided)
 *   POST /api/disclosures/:id/achievement            disclosure:manage    → DisclosureView with achievementId (a draft achievement)
 */
import { z } from 'zod';
import { IpAssetInput } from './catalog.js';
import { PATENT_KINDS } from '../catalog.js';
import { HttpUrl, Text } from '../text.js';

export const DISCLOSURE_STATUSES = ['draft', 'submitted', 'returned', 'assessing', 'decided', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '草稿',
  submitted: '已提交待评估',
  returned: '退回补充',
  assessing: '评估中',
  decided: '已决定',
  withdrawn: '已撤回',
};

export const DISCLOSURE_TRANSITIONS = ['submit', 'withdraw', 'return', 'start_assessment'] as const;
export type DisclosureTransition = (typeof DISCLOSURE_TRANSITIONS)[number];
export const DISCLOSURE_TRANSITION_LABELS: Record<DisclosureTransition, string> = {
  submit: '提交披露',
  withdraw: '撤回',
  return: '退回补充',
  start_assessment: '开始评估',
};

export const DECISIONS = ['file_patent', 'know_how', 'license_assign', 'empower', 'release'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  file_patent: '申请专利',
  know_how: '作为技术秘密保护',
  license_assign: '许可/转让',
  empower: '赋权（转让或与发明人共有）',
  release: '放弃（返还发明人或公开）',
};

export const EMPOWER_FORMS = ['assign_to_inventors', 'co_own', 'long_term_use'] as const;
export const EMPOWER_FORM_LABELS: Record<(typeof EMPOWER_FORMS)[number], string> = {
  assign_to_inventors: '所有权转让给发明人',
  co_own: '与发明人共有所有权',
  long_term_use: '赋予长期使用权（不少于10年）',
};
export const FEE_PAYERS = ['organization', 'inventors', 'shared'] as const;
export const FEE_PAYER_LABELS: Record<(typeof FEE_PAYERS)[number], string> = {
  organization: '单位',
  inventors: '发明人',
  shared: '双方分担',
};

const Day = z.iso.date('must be a date YYYY-MM-DD');
const Pct = z.number().gt(0, 'must be above 0').max(100, 'must be at most 100');

export const DisclosureInventorInput = z.object({
  name: Text(50).min(1, 'is required'),
  /** The inventor's account (they confirm themselves); without one, TTO staff record the confirmation. */
  userId: z.uuid().nullable().optional(),
  organizationName: Text(100).min(1, 'is required'),
  contributionPct: Pct,
});

export const DisclosureInput = z.object({
  // Non-confidential: may be shown to reviewers and, once decided, copied into the achievement.
  title: Text(200).min(2, 'must be at least 2 characters'),
  summary: Text(3000).min(10, 'must be at least 10 characters'),
  keywords: z.array(Text(30).min(1)).max(10, 'at most 10 keywords').default([]),
  fieldCode: z.string().min(1, 'is required').max(32),
  trl: z.number().int().min(1, 'must be 1–9').max(9, 'must be 1–9'),
  // Confidential: the organisation's TTO staff and the inventors only.
  confidentialDescription: Text(20000).min(10, 'describe the invention (at least 10 characters)'),
  confidentialAttachments: z
    .array(z.object({ name: Text(200).min(1), url: HttpUrl(500) }))
    .max(20)
    .default([]),
  conceptionOn: Day.nullable().optional(),
  firstWrittenOn: Day.nullable().optional(),
  firstPublicDisclosureOn: Day.nullable().optional(),
  prototypeOn: Day.nullable().optional(),
  firstOfferForSaleOn: Day.nullable().optional(),
  publications: z
    .array(
      z.object({
        title: Text(300).min(1, 'is required'),
        venue: Text(200).min(1, 'is required'),
        date: Day,
        planned: z.boolean().default(false),
      }),
    )
    .max(50)
    .default([]),
  fundingSources: z
    .array(
      z.object({
        funder: Text(100).min(1, 'is required'),
        programme: Text(200).optional(),
        grantNumber: Text(60).min(1, 'is required'),
        /** 财政资金: the result is then reportable (annual report, S&T report). */
        publicFunding: z.boolean(),
      }),
    )
    .max(30)
    .default([]),
  thirdPartyMaterials: z
    .array(
      z.object({
        description: Text(300).min(1, 'is required'),
        provider: Text(100).min(1, 'is required'),
        agreement: Text(200).optional(),
      }),
    )
    .max(30)
    .default([]),
  inventors: z.array(DisclosureInventorInput).min(1, 'name at least one inventor').max(30),
});
export type DisclosureInput = z.infer<typeof DisclosureInput>;

export const TransitionBody = z.object({ action: z.enum(DISCLOSURE_TRANSITIONS), reason: Text(1000).optional() });

export const AssessmentInput = z.object({
  /** Criterion key → points (0 … the criterion's weight) on the `disclosure_assessment` sheet. */
  scores: z.record(z.string(), z.number().min(0)),
  recommendation: z.enum(DECISIONS),
  comment: Text(3000).optional(),
});

export const DecisionInput = z
  .object({
    decision: z.enum(DECISIONS),
    reason: Text(2000).min(2, 'give the reasoning'),
    /** file_patent: the application as filed (the number's check character is verified). */
    patent: IpAssetInput.optional(),
    patentFiledOn: Day.optional(),
    /** empower (赋权): the terms agreed with the inventors. */
    empowerment: z
      .object({
        form: z.enum(EMPOWER_FORMS),
        /** assign / co-own: the inventors' share of ownership (percent). */
        inventorsOwnershipPct: Pct.nullable().optional(),
        /** long-term use right: years (≥ 10). */
        useRightYears: z.number().int().min(10, 'must be at least 10 years').max(50).nullable().optional(),
        /** The organisation's share of future income the parties agreed (percent; the inventors get the rest). */
        organizationIncomePct: z.number().min(0).max(100),
        decisionRights: Text(1000).min(2, 'say who decides on licensing, enforcement and abandonment'),
        costSharing: Text(1000).min(2, 'say how filing and prosecution costs are shared'),
        maintenanceFeesPaidBy: z.enum(FEE_PAYERS),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'file_patent') {
      if (!d.patent) ctx.addIssue({ code: 'custom', path: ['patent'], message: 'record the application (kind and application number)' });
      else if (!PATENT_KINDS.includes(d.patent.kind))
        ctx.addIssue({ code: 'custom', path: ['patent', 'kind'], message: 'must be a patent kind' });
      if (!d.patentFiledOn) ctx.addIssue({ code: 'custom', path: ['patentFiledOn'], message: 'give the filing date' });
    }
    if (d.decision === 'empower') {
      const e = d.empowerment;
      if (!e) ctx.addIssue({ code: 'custom', path: ['empowerment'], message: 'record the terms agreed with the inventors' });
      else if (e.form === 'long_term_use' && e.useRightYears == null)
        ctx.addIssue({
          code: 'custom',
          path: ['empowerment', 'useRightYears'],
          message: 'a long-term use right needs its term (≥ 10 years)',
        });
      else if (e.form !== 'long_term_use' && e.inventorsOwnershipPct == null)
        ctx.addIssue({ code: 'custom', path: ['empowerment', 'inventorsOwnershipPct'], message: 'give the inventors’ share of ownership' });
    }
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

const Clock = z.object({
  kind: z.enum(['novelty_grace', 'planned_publication', 'paris_priority', 'decision_due']),
  deadline: z.string(),
  daysLeft: z.number(),
  message: z.string(),
  source: z.string(),
});

export const DisclosureSummary = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  status: z.enum(DISCLOSURE_STATUSES),
  inventorNames: z.array(z.string()),
  publiclyFunded: z.boolean(),
  submittedAt: z.string().nullable(),
  decisionDueAt: z.string().nullable(),
  overdue: z.boolean(),
  decision: z.enum(DECISIONS).nullable(),
  achievementId: z.string().nullable(),
  updatedAt: z.string(),
});
export type DisclosureSummary = z.infer<typeof DisclosureSummary>;

export const DisclosureView = DisclosureSummary.extend({
  summary: z.string(),
  keywords: z.array(z.string()),
  fieldCode: z.string(),
  trl: z.number(),
  /** Null when the caller may not see the confidential part. */
  confidential: z.object({ description: z.string(), attachments: z.array(z.object({ name: z.string(), url: z.string() })) }).nullable(),
  dates: z.object({
    conceptionOn: z.string().nullable(),
    firstWrittenOn: z.string().nullable(),
    firstPublicDisclosureOn: z.string().nullable(),
    prototypeOn: z.string().nullable(),
    firstOfferForSaleOn: z.string().nullable(),
  }),
  publications: z.array(z.object({ title: z.string(), venue: z.string(), date: z.string(), planned: z.boolean() })),
  fundingSources: z.array(
    z.object({ funder: z.string(), programme: z.string().optional(), grantNumber: z.string(), publicFunding: z.boolean() }),
  ),
  thirdPartyMaterials: z.array(z.object({ description: z.string(), provider: z.string(), agreement: z.string().optional() })),
  inventors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      userId: z.string().nullable(),
      organizationName: z.string(),
      contributionPct: z.number(),
      confirmedAt: z.string().nullable(),
      confirmedByStaff: z.boolean(),
    }),
  ),
  clocks: z.array(Clock),
  assessments: z.array(
    z.object({
      assessorName: z.string(),
      role: z.enum(['manager']),
      scores: z.record(z.string(), z.number()),
      total: z.number(),
      recommendation: z.enum(DECISIONS),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  assessmentMean: z.number().nullable(),
  /** The expert panel (shared scoring engine), for the TTO and the inventors. */
  expertPanel: z
    .object({
      panelId: z.string(),
      size: z.number(),
      complete: z.boolean(),
      mean: z.number().nullable(),
      experts: z.array(z.object({ name: z.string(), status: z.string(), total: z.number().nullable(), dropped: z.boolean() })),
    })
    .nullable(),
  decisionDetail: z
    .object({
      reason: z.string(),
      patent: z.object({ kind: z.string(), number: z.string().nullable(), title: z.string() }).nullable(),
      patentFiledOn: z.string().nullable(),
      empowerment: z.record(z.string(), z.unknown()).nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  returnReason: z.string().nullable(),
  actions: z.array(z.enum(['edit', 'confirm', 'assess', 'open_panel', 'decide', 'create_achievement', ...DISCLOSURE_TRANSITIONS])),
});
export type DisclosureView = z.infer<typeof DisclosureView>;

import { z } from 'zod';

/** Export-control review (C12): the catalogue of technologies prohibited or restricted from export and screenings. */
export const EXPORT_CLASSES = ['prohibited', 'restricted'] as const;
export type ExportClass = (typeof EXPORT_CLASSES)[number];
export const EXPORT_CLASS_LABELS: Record<ExportClass, { zh: string; en: string }> = {
  prohibited: { zh: '禁止出口', en: 'Prohibited' },
  restricted: { zh: '限制出口', en: 'Restricted' },
};

export const SCREENING_SUBJECTS = ['achievement', 'deal', 'contract'] as const;
export type ScreeningSubject = (typeof SCREENING_SUBJECTS)[number];

export const SCREENING_STATUSES = ['pending', 'cleared', 'held', 'intent_granted', 'licensed', 'stopped'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export const SCREENING_STATUS_LABELS: Record<ScreeningStatus, { zh: string; en: string }> = {
  pending: { zh: '待审查', en: 'Awaiting review' },
  cleared: { zh: '自由出口', en: 'Free to export' },
  held: { zh: '暂停：待取得出口许可意向书', en: 'Held: letter of intent needed' },
  intent_granted: { zh: '暂停：已取得意向书，待出口许可证', en: 'Held: licence needed after signing' },
  licensed: { zh: '已取得出口许可证', en: 'Licensed' },
  stopped: { zh: '已终止（禁止出口）', en: 'Stopped' },
};

export const SCREENING_DECISIONS = ['free', 'restricted', 'prohibited'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

export const SCREENING_TRANSITIONS = ['decide', 'record_intent', 'record_licence', 'record_refusal'] as const;
export type ScreeningTransition = (typeof SCREENING_TRANSITIONS)[number];

/** Whether the record may go on: clear, pending review, held until an approval, stopped. */
export const HOLDS = ['none', 'pending', 'held', 'stopped'] as const;
export type Hold = (typeof HOLDS)[number];

export const CatalogueItemView = z.object({
  id: z.string(),
  code: z.string().nullable(),
  class: z.enum(EXPORT_CLASSES),
  industry: z.string(),
  name: z.string(),
  controlPoints: z.array(z.string()),
  terms: z.array(z.string()),
  sourceDocument: z.string(),
  sourceDate: z.string(),
  note: z.string().nullable(),
});
export type CatalogueItemView = z.infer<typeof CatalogueItemView>;

export const CatalogueView = z.object({
  id: z.string(),
  label: z.string(),
  sourceDocument: z.string(),
  publishedOn: z.string(),
  status: z.enum(['active', 'superseded']),
  origin: z.enum(['seed', 'xlsx']),
  itemCount: z.number().int(),
  createdAt: z.string(),
});
export type CatalogueView = z.infer<typeof CatalogueView>;

export const CatalogueImportQuery = z.object({
  label: z.string().trim().min(2).max(100),
  sourceDocument: z.string().trim().min(4).max(200),
  publishedOn: z.iso.date(),
  jobId: z.uuid().optional(),
});

export const ScreeningCandidateView = z.object({
  itemId: z.string(),
  code: z.string().nullable(),
  class: z.enum(EXPORT_CLASSES),
  name: z.string(),
  industry: z.string(),
  score: z.number(),
  matchedTerms: z.array(z.string()),
  controlPoints: z.array(z.object({ text: z.string(), matched: z.boolean(), matchedTerms: z.array(z.string()) })),
});

export const ScreeningView = z.object({
  id: z.string(),
  subject: z.enum(SCREENING_SUBJECTS),
  subjectId: z.string(),
  achievementId: z.string().nullable(),
  title: z.string(),
  domesticOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  foreignOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  foreignCountry: z.string().nullable(),
  crossBorder: z.boolean(),
  catalogue: z.object({ id: z.string(), label: z.string(), sourceDocument: z.string() }),
  candidates: z.array(ScreeningCandidateView),
  status: z.enum(SCREENING_STATUSES),
  /** none | pending | held | stopped: whether the record may go on. */
  hold: z.enum(HOLDS),
  /** Substantive negotiation may go on (cleared, or a letter of intent recorded). */
  negotiationAllowed: z.boolean(),
  decision: z.enum(SCREENING_DECISIONS).nullable(),
  decidedItemIds: z.array(z.string()),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  deadlineEstimated: z.boolean(),
  letterOfIntentNo: z.string().nullable(),
  letterOfIntentOn: z.string().nullable(),
  licenceNo: z.string().nullable(),
  licenceOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(SCREENING_TRANSITIONS)),
});
export type ScreeningView = z.infer<typeof ScreeningView>;

export const ScreenBody = z.object({
  subject: z.enum(SCREENING_SUBJECTS),
  id: z.uuid(),
  /** For an achievement: the organisation outside the mainland it would go to, if known. */
  counterpartyOrganizationId: z.uuid().optional(),
  /** For an achievement: the country it would go to, when the counterparty is not on the platform. */
  counterpartyCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
    .optional(),
});

const DocumentNo = z.string().trim().min(4, 'give the document number').max(64);
export const ScreeningTransitionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('decide'),
    decision: z.enum(SCREENING_DECISIONS),
    /** The catalogue items the decision rests on (required unless free). */
    itemIds: z.array(z.uuid()).max(20).default([]),
    reason: z.string().trim().min(4, 'give the reasoning').max(2000),
  }),
  z.object({ action: z.literal('record_intent'), number: DocumentNo, issuedOn: z.iso.date() }),
  z.object({ action: z.literal('record_licence'), number: DocumentNo, issuedOn: z.iso.date() }),
  z.object({ action: z.literal('record_refusal'), reason: z.string().trim().min(4).max(2000) }),
]);
export type ScreeningTransitionBody = z.infer<typeof ScreeningTransitionBody>;

export const ScreeningQueueQuery = z.object({
  status: z.enum(SCREENING_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const HoldQuery = z.object({ subject: z.enum(SCREENING_SUBJECTS), id: z.uuid() });
export const HoldView = z.object({
  subject: z.enum(SCREENING_SUBJECTS),
  id: z.string(),
  /** Whether a party is outside mainland China (then a screening is required). */
  crossBorder: z.boolean(),
  hold: z.enum(HOLDS),
  status: z.enum(SCREENING_STATUSES).nullable(),
  screeningId: z.string().nullable(),
  deadlineAt: z.string().nullable(),
});
export type HoldView = z.infer<typeof HoldView>;

/**
 * A screening's decision and its evidence as other records carry it (the deal's dossier PDF, the
 * contract record): the catalogue version, the items the decision rests on and the candidates with
 * the control points the text touched, the reviewer, and the letter of intent and licence numbers.
 */
export const ScreeningEvidenceView = z.object({
  id: z.string(),
  subject: z.enum(SCREENING_SUBJECTS),
  status: z.enum(SCREENING_STATUSES),
  statusLabel: z.string(),
  hold: z.enum(HOLDS),
  foreignCountry: z.string().nullable(),
  catalogue: z.object({ label: z.string(), sourceDocument: z.string() }),
  decision: z.enum(SCREENING_DECISIONS).nullable(),
  reason: z.string().nullable(),
  reviewer: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The candidate items; `decided` marks those the decision rests on. */
  items: z.array(
    z.object({
      code: z.string().nullable(),
      class: z.enum(EXPORT_CLASSES),
      name: z.string(),
      decided: z.boolean(),
      matchedTerms: z.array(z.string()),
      matchedControlPoints: z.array(z.string()),
    }),
  ),
  letterOfIntentNo: z.string().nullable(),
  letterOfIntentOn: z.string().nullable(),
  licenceNo: z.string().nullable(),
  licenceOn: z.string().nullable(),
});
export type ScreeningEvidenceView = z.infer<typeof ScreeningEvidenceView>;

export const SCREENING_DECISION_LABELS: Record<ScreeningDecision, { zh: string; en: string }> = {
  free: { zh: '自由出口', en: 'Free to export' },
  restricted: { zh: '限制出口（须许可）', en: 'Restricted: licence needed' },
  prohibited: { zh: '禁止出口', en: 'Prohibited' },
};

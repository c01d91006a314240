/**
 * The expert pool (专家库) and the expert's review workspace.
 *
 *   GET  /api/experts?field=&q=&available=&limit=&offset=  public         { items: ExpertView[], total } (contact only for expert:manage)
 *   GET  /api/experts/:id                                  public         ExpertView
 *   POST /api/experts                                      expert:manage  ExpertBody → 201 ExpertView
 *   PATCH /api/experts/:id                                 authenticated  ExpertPatch → ExpertView (staff; the expert: availability, keywords)
 *   POST /api/experts/:id/relations                        authenticated  RelationBody → 201 ExpertView (staff or the expert)
 *   DELETE /api/experts/:id/relations/:relationId          expert:manage  → ExpertView
 *   GET  /api/me/expert                                    expert:score   ExpertView (own profile, with contact and relations)
 *   GET  /api/me/assignments?status=open|all               expert:score   { items: AssignmentView[] }
 *   POST /api/panels/:id/scores                            expert:score   ScoreBody → AssignmentView
 *   POST /api/panels/:id/conflict                          expert:score   ReasonBody → { replaced: boolean }
 *   POST /api/panels/:id/decline                           expert:score   ReasonBody → { replaced: boolean }
 *   GET  /api/panels/:id/result                            expert:manage  PanelResultView
 *   GET  /api/demands/:id/experts                          authenticated  { items: ExpertMatch[] } (the demand's owner or staff)
 */
import { z } from 'zod';

export const RELATION_KINDS = ['relation', 'coauthorship'] as const;
export const RELATION_KIND_LABELS: Record<(typeof RELATION_KINDS)[number], string> = {
  relation: '声明的关联关系',
  coauthorship: '合作发表/合作研究',
};

export const MEMBER_STATUSES = ['assigned', 'scored', 'conflict', 'declined'] as const;
export const MEMBER_STATUS_LABELS: Record<(typeof MEMBER_STATUSES)[number], string> = {
  assigned: '待评分',
  scored: '已评分',
  conflict: '已申报回避',
  declined: '已谢绝',
};

/** Common 职称 for the form's suggestions; free text is accepted. */
export const EXPERT_TITLES = ['教授', '副教授', '研究员', '副研究员', '正高级工程师', '高级工程师', '正高级经济师', '律师', '注册会计师'];

const Text = (max: number) => z.string().trim().max(max);

export const RelationView = z.object({
  id: z.uuid(),
  kind: z.enum(RELATION_KINDS),
  organizationId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  partyName: z.string(),
  year: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const ExpertView = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string(),
  fields: z.array(z.object({ code: z.string(), name: z.string() })),
  keywords: z.string(),
  bio: z.string().nullable(),
  available: z.boolean(),
  availabilityNote: z.string().nullable(),
  active: z.boolean(),
  /** Whether the expert has an account (only then can they be drawn onto a panel). */
  hasAccount: z.boolean(),
  /** Staff and the expert themselves only; null for everyone else. */
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** Staff and the expert themselves only. */
  relations: z.array(RelationView).nullable(),
  openAssignments: z.number().int().nullable(),
  actions: z.array(z.enum(['edit', 'edit_own', 'declare_relation'])),
});
export type ExpertView = z.infer<typeof ExpertView>;

export const ExpertListQuery = z.object({
  field: z.string().max(32).optional(),
  q: Text(100).optional(),
  available: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,32}$/, 'must be a phone number');

export const ExpertBody = z.object({
  /** The expert's account (holding the `expert` role); without one the entry is listed but never drawn. */
  userId: z.uuid().nullable().optional(),
  name: Text(60).min(1, 'is required'),
  title: Text(60).min(1, 'is required'),
  organizationId: z.uuid().nullable().optional(),
  organizationName: Text(200).optional(),
  fieldCodes: z.array(z.string().max(32)).min(1, 'name at least one field').max(10),
  keywords: Text(500).default(''),
  bio: Text(2000).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: Phone.nullable().optional(),
  available: z.boolean().default(true),
  availabilityNote: Text(200).nullable().optional(),
});
export type ExpertBody = z.infer<typeof ExpertBody>;

export const ExpertPatch = z
  .object({
    name: Text(60).min(1),
    title: Text(60).min(1),
    organizationId: z.uuid().nullable(),
    organizationName: Text(200).min(1),
    fieldCodes: z.array(z.string().max(32)).min(1).max(10),
    keywords: Text(500),
    bio: Text(2000).nullable(),
    email: z.email().max(254).nullable(),
    phone: Phone.nullable(),
    available: z.boolean(),
    availabilityNote: Text(200).nullable(),
    active: z.boolean(),
  })
  .partial();
export type ExpertPatch = z.infer<typeof ExpertPatch>;

export const RelationBody = z.object({
  kind: z.enum(RELATION_KINDS),
  organizationId: z.uuid().nullable().optional(),
  userId: z.uuid().nullable().optional(),
  partyName: Text(200).min(1, 'is required'),
  year: z.number().int().min(1950).max(2100).nullable().optional(),
  note: Text(500).nullable().optional(),
});
export type RelationBody = z.infer<typeof RelationBody>;

export const CriterionView = z.object({ key: z.string(), label: z.string(), weight: z.number() });
export const SheetView = z.object({ key: z.string(), name: z.string(), source: z.string(), criteria: z.array(CriterionView) });

export const AssignmentView = z.object({
  panelId: z.uuid(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectTitle: z.string(),
  sheet: SheetView,
  dueAt: z.string().nullable(),
  panelStatus: z.enum(['scoring', 'complete']),
  status: z.enum(MEMBER_STATUSES),
  reason: z.string().nullable(),
  drawnAt: z.string(),
  myScores: z
    .object({ scores: z.record(z.string(), z.number()), total: z.number(), comment: z.string().nullable(), submittedAt: z.string() })
    .nullable(),
  actions: z.array(z.enum(['score', 'declare_conflict', 'decline'])),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const AssignmentsQuery = z.object({ status: z.enum(['open', 'all']).default('all') });

export const ScoreBody = z.object({
  scores: z.record(z.string().max(48), z.number()),
  comment: Text(2000).optional(),
});
export const ReasonBody = z.object({ reason: Text(500).min(2, 'say why') });

export const PanelResultView = z.object({
  panelId: z.uuid(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectTitle: z.string(),
  sheet: SheetView,
  status: z.enum(['scoring', 'complete']),
  complete: z.boolean(),
  mean: z.number().nullable(),
  members: z.array(
    z.object({
      memberId: z.uuid(),
      expertId: z.uuid(),
      name: z.string(),
      status: z.enum(MEMBER_STATUSES),
      reason: z.string().nullable(),
      total: z.number().nullable(),
      scores: z.record(z.string(), z.number()).nullable(),
      comment: z.string().nullable(),
      dropped: z.boolean(),
    }),
  ),
});

export const ExpertMatch = z.object({
  expert: ExpertView,
  score: z.number(),
  /** Why: the shared field and/or the demand's words found in the expert's fields and keywords. */
  reasons: z.array(z.string()),
});

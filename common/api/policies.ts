/**
 * The policy library (政策库): policies at national, city, district and park level, searchable, and a
 * matcher that says which apply to an organisation (type, region, 科技型中小企业 status, fields).
 *
 *   GET  /api/policies?q=&level=&tag=&limit=        public          { items: PolicySummary[], total }
 *   GET  /api/policies/:id                          public          PolicyView (published; drafts to their managers)
 *   GET  /api/policies/match?organizationId=&sme=&fields=   authenticated   { organization, items: PolicyMatchView[] }
 *   POST /api/policies                              policy:manage   PolicyBody → 201 PolicyView (a draft)
 *   POST /api/policies/:id/publish                  policy:manage   → PolicyView (matching organisations are notified)
 */
import { z } from 'zod';
import { ORGANIZATION_TYPES } from '../roles.js';

export const POLICY_LEVELS = ['national', 'city', 'district', 'park'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = { national: '国家级', city: '市级', district: '区级', park: '园区级' };
export const POLICY_STATUSES = ['draft', 'published', 'repealed'] as const;

const Text = (max: number) => z.string().trim().max(max);
const Day = z.iso.date();

export const PolicyBody = z.object({
  title: Text(300).min(2, 'is required'),
  level: z.enum(POLICY_LEVELS),
  /** The governed region (city, district or park code); none for national policies. */
  regionCode: z
    .string()
    .regex(/^\d{6,8}$/, 'is not a region code')
    .optional(),
  issuer: Text(200).min(2, 'is required'),
  documentNumber: Text(100).optional(),
  issuedOn: Day,
  effectiveFrom: Day.optional(),
  effectiveUntil: Day.optional(),
  summary: Text(2000).default(''),
  fullText: Text(200_000).default(''),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  tags: z.array(Text(30).min(1)).max(20).default([]),
  organizationTypes: z.array(z.enum(ORGANIZATION_TYPES)).max(9).default([]),
  fieldCodes: z.array(Text(16).min(1)).max(50).default([]),
  smeOnly: z.boolean().default(false),
});
export type PolicyBody = z.infer<typeof PolicyBody>;

/** What a manager may change on a draft (the fields given are changed); level and region stay. */
export const UpdatePolicyBody = z
  .object({
    title: Text(300).min(2, 'is required'),
    issuer: Text(200).min(2, 'is required'),
    documentNumber: Text(100).nullable(),
    issuedOn: Day,
    effectiveFrom: Day.nullable(),
    effectiveUntil: Day.nullable(),
    summary: Text(2000),
    fullText: Text(200_000),
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable(),
    tags: z.array(Text(30).min(1)).max(20),
    organizationTypes: z.array(z.enum(ORGANIZATION_TYPES)).max(9),
    fieldCodes: z.array(Text(16).min(1)).max(50),
    smeOnly: z.boolean(),
  })
  .partial();
export type UpdatePolicyBody = z.infer<typeof UpdatePolicyBody>;

export const PoliciesQuery = z.object({
  q: Text(200).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  tag: Text(30).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const MatchQuery = z.object({
  organizationId: z.uuid().optional(),
  /** Comma-separated technical field codes the organisation works in. */
  fields: z.string().max(500).optional(),
});

export const PolicySummary = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(POLICY_LEVELS),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  issuer: z.string(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveUntil: z.string().nullable(),
  summary: z.string(),
  tags: z.array(z.string()),
  organizationTypes: z.array(z.string()),
  fieldCodes: z.array(z.string()),
  smeOnly: z.boolean(),
  status: z.enum(POLICY_STATUSES),
  publishedAt: z.string().nullable(),
});
export type PolicySummary = z.infer<typeof PolicySummary>;

export const PolicyView = PolicySummary.extend({
  fullText: z.string(),
  sourceUrl: z.string().nullable(),
  actions: z.array(z.enum(['edit', 'publish'])),
});
export type PolicyView = z.infer<typeof PolicyView>;

export const MATCH_CRITERIA = ['region', 'organization_type', 'sme', 'fields', 'in_force'] as const;
export const MatchReason = z.object({
  criterion: z.enum(MATCH_CRITERIA),
  /** true met, false not met, null unknown (the organisation's status is not known). */
  met: z.boolean().nullable(),
  note: z.string(),
});
export const PolicyMatchView = z.object({
  policy: PolicySummary,
  verdict: z.enum(['applies', 'maybe', 'no']),
  reasons: z.array(MatchReason),
});
export type PolicyMatchView = z.infer<typeof PolicyMatchView>;

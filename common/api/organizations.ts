import { z } from 'zod';
import { HttpUrl } from '../text.js';
import { ReviewStepView } from './review-steps.js';
import { ASSIGNABLE_ROLES, ORGANIZATION_STATUSES, ORGANIZATION_TYPES } from '../roles.js';

export const OrganizationView = z.object({
  id: z.string(),
  type: z.enum(ORGANIZATION_TYPES),
  name: z.string(),
  creditCode: z.string(),
  /** The credit code's area (characters 3–8) when it disagrees with the region: a warning to check, never a refusal. */
  creditCodeAreaMismatch: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(ORGANIZATION_STATUSES),
  statusReason: z.string().nullable(),
  /** Every review decision (approve, reject, suspend, reactivate) with who and why; on the one-organisation read. */
  reviewSteps: z.array(ReviewStepView).optional(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** ISO 3166-1 alpha-2; CN is mainland China (HK, MO, TW count as outside the mainland for technology export). */
  country: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with this organisation, so the UI hides the rest. */
  actions: z.array(z.enum(['update', 'approve', 'reject', 'suspend', 'reactivate', 'manage_members'])),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

export const UpdateOrganizationBody = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  address: z.string().trim().max(300).nullable().optional(),
  website: HttpUrl(300).nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  contactPhone: z.string().trim().max(32).nullable().optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code (CN for mainland China)')
    .optional(),
});

export const ReviewOrganizationBody = z.object({
  decision: z.enum(['approve', 'reject', 'suspend', 'reactivate']),
  reason: z.string().trim().max(500).optional(),
});

export const ListOrganizationsQuery = z.object({
  status: z.enum(ORGANIZATION_STATUSES).optional(),
  type: z.enum(ORGANIZATION_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().max(12).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const MemberView = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ASSIGNABLE_ROLES)),
});

export const AddMemberBody = z.object({
  email: z.email('must be an e-mail address').transform((s) => s.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  role: z.enum(['org_member', 'org_admin']),
  /**
   * Initial password, used only when the e-mail has no account yet (the person changes it after first
   * login). Always asked for, so the answer never tells whether the e-mail already had an account.
   */
  password: z.string().min(10, 'must be at least 10 characters').max(200),
});

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;

/** An invitation as its organisation's admins see it: the e-mail they typed, nothing about the person. */
export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(['org_member', 'org_admin']),
  status: z.enum(INVITATION_STATUSES),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** An invitation as the invited person sees it. */
export const MyInvitationView = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  role: z.enum(['org_member', 'org_admin']),
  invitedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type MyInvitationView = z.infer<typeof MyInvitationView>;

export const RegionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});

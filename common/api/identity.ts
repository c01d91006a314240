import { z } from 'zod';
import { ASSIGNABLE_ROLES, ORGANIZATION_TYPES, PERMISSIONS } from '../roles.js';
import { creditCodeProblem } from '../credit-code.js';

export const Email = z
  .email('must be an e-mail address')
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), 'must contain letters and digits');

export const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem === 'length') ctx.addIssue({ code: 'custom', message: 'must be 18 characters (统一社会信用代码)' });
    else if (problem === 'character')
      ctx.addIssue({ code: 'custom', message: 'contains a character not used in credit codes (I, O, S, V, Z are never used)' });
    else if (problem === 'organization_code')
      ctx.addIssue({ code: 'custom', message: 'characters 9–17 are not a valid organisation code (GB 11714)' });
    else if (problem === 'check_character') ctx.addIssue({ code: 'custom', message: 'check character does not match (GB 32100-2015)' });
  });

export const LoginBody = z.object({ email: Email, password: z.string().min(1, 'is required').max(200) });

export const RoleGrantView = z.object({
  role: z.enum(ASSIGNABLE_ROLES),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});

export const MembershipView = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  organizationStatus: z.string(),
  roles: z.array(z.string()),
});

export const MeView = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() }),
  grants: z.array(RoleGrantView),
  memberships: z.array(MembershipView),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
export type MeView = z.infer<typeof MeView>;

export const LoginResult = MeView;

export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1, 'is required'), newPassword: Password });

export const SessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
});

export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  scopes: z.array(z.enum(PERMISSIONS)).min(1, 'name at least one permission'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const CreatedApiToken = z.object({ token: z.string(), apiToken: ApiTokenView });

export const RegisterBody = z.object({
  organization: z.object({
    type: z.enum(ORGANIZATION_TYPES.filter((t) => t !== 'government') as [string, ...string[]]),
    name: z.string().trim().min(2, 'is required').max(200),
    creditCode: CreditCode,
    regionCode: z.string().regex(/^\d{6,8}$/, 'must be a region code'),
    address: z.string().trim().max(300).optional(),
    contactPhone: z.string().trim().max(32).optional(),
  }),
  user: z.object({ name: z.string().trim().min(1, 'is required').max(100), email: Email, password: Password }),
});

import { z } from 'zod';
import { ASSIGNABLE_ROLES } from '../roles.js';
import { RoleGrantView } from './identity.js';

export const UserAdminView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(RoleGrantView.extend({ id: z.string() })),
});

export const ListUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AssignRoleBody = z.object({
  role: z.enum(ASSIGNABLE_ROLES),
  organizationId: z.uuid().optional(),
  regionCode: z.string().max(12).optional(),
});

export const UpdateUserBody = z.object({
  disabled: z.boolean().optional(),
  unlock: z.literal(true).optional(),
});

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  organizationId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});

export const ListAuditQuery = z.object({
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Keyset pagination: entries with seq below this. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

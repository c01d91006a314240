import type { z } from 'zod';
import type { UserAdminView } from '../../../common/api/admin.js';
import type { UserRow } from '../identity/repository.js';
import type { GrantRow } from '../identity/grants.js';
import { presentGrant } from '../identity/presenter.js';

export function presentUserForAdmin(user: UserRow, grants: GrantRow[]): z.infer<typeof UserAdminView> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    grants: grants.map((g) => ({ id: g.id, ...presentGrant(g) })),
  };
}

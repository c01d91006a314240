import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { roleAssignments } from '../schema/index.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { assignRole } from '../../modules/identity/roles.js';
import { createUser, findUserByEmail } from '../../modules/identity/service.js';

/**
 * JINQIAO_ADMIN_EMAIL / _PASSWORD: create the first platform admin when none exists, in every
 * mode, so a production install has a way in. Returns true when an admin was created.
 */
export async function ensureFirstAdmin(db: Db, admin: { email: string; password: string } | undefined): Promise<boolean> {
  if (!admin) return false;
  const [any] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, 'platform_admin'))
    .limit(1);
  if (any) return false;
  const actor = systemActor('boot:JINQIAO_ADMIN_EMAIL');
  await db.transaction(async (tx) => {
    let user = await findUserByEmail(tx, admin.email);
    if (!user) {
      const created = await createUser(tx, { email: admin.email, name: '平台管理员', password: admin.password });
      await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: created.id, after: { email: created.email } });
      user = await findUserByEmail(tx, admin.email);
    }
    await assignRole(tx, actor, { userId: user!.id, role: 'platform_admin' });
  });
  return true;
}

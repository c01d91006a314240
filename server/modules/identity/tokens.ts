import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Permission } from '../../../common/roles.js';
import type { Db } from '../../db/client.js';
import { apiTokens } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId, randomToken, sha256 } from '../../lib/ids.js';

/** API tokens for machine clients. The secret is shown once; only its SHA-256 is kept. */
export async function createApiToken(opts: { db: Db; actor: Actor; name: string; scopes: Permission[]; expiresInDays?: number }) {
  requirePermission(opts.actor, 'token:own');
  // A token never carries more than its owner holds now.
  const beyond = opts.scopes.filter((s) => !opts.actor.permissions.has(s));
  if (beyond.length) {
    throw new AppError('validation_failed', `scopes: you do not hold ${beyond.join(', ')}`, {
      fields: [{ field: 'body.scopes', message: `you do not hold ${beyond.join(', ')}` }],
    });
  }
  const secret = `jq_${randomToken(30)}`;
  const now = clock.now();
  const row = {
    id: newId(),
    userId: opts.actor.userId!,
    name: opts.name,
    tokenHash: sha256(secret),
    prefix: secret.slice(0, 10),
    scopes: opts.scopes,
    createdAt: now,
    expiresAt: opts.expiresInDays ? new Date(now.getTime() + opts.expiresInDays * 86400_000) : null,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values(row);
    await writeAudit(tx, opts.actor, { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { ...row } });
  });
  const [saved] = await opts.db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
  return { token: secret, apiToken: saved! };
}

export async function listOwnApiTokens(opts: { db: Db; actor: Actor }) {
  requirePermission(opts.actor, 'token:own');
  return opts.db.select().from(apiTokens).where(eq(apiTokens.userId, opts.actor.userId!)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeOwnApiToken(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'token:own');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: clock.now() })
      .where(and(eq(apiTokens.id, opts.id), eq(apiTokens.userId, opts.actor.userId!), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw AppError.notFound('API token');
    await writeAudit(tx, opts.actor, { action: 'api_token.revoke', entity: 'api_token', entityId: opts.id, after: { revoked: true } });
  });
}

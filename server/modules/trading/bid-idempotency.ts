import { sql } from 'drizzle-orm';
import type { BidResult } from '../../../common/api/trading.js';
import type { FieldError, ProblemCode } from '../../../common/problems.js';
import { queryRows, type Db, type DbOrTx } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';

/**
 * Idempotency keys of bid requests: the first answer for (user, key) is kept in
 * trade_idempotency_keys — an accepted bid inside its own transaction (bids.ts), a refusal here —
 * and a retry under the same key gets it back (`replayed: true`). A key reused for another request
 * is refused, naming the header.
 */
export interface StoredResponse {
  statusCode: number;
  body: BidResult | { code: ProblemCode; detail: string; errors?: FieldError[] };
}

export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

export function replay(stored: StoredResponse): BidResult {
  if (stored.statusCode === 201) return { ...(stored.body as BidResult), replayed: true };
  const p = stored.body as { code: ProblemCode; detail: string; errors?: FieldError[] };
  throw new AppError(p.code, p.detail, { fields: p.errors });
}

export async function readStored(db: DbOrTx, userId: string, key: string, fingerprint: string): Promise<StoredResponse | null> {
  const [k] = await queryRows<{ fingerprint: string; status_code: number; response: unknown }>(
    db,
    sql`SELECT fingerprint, status_code, response FROM trade_idempotency_keys WHERE user_id = ${userId} AND key = ${key}`,
  );
  if (!k) return null;
  if (k.fingerprint !== fingerprint) throw AppError.validation('headers.idempotency-key', 'was already used for a different request');
  return {
    statusCode: k.status_code,
    body: (typeof k.response === 'string' ? JSON.parse(k.response) : k.response) as StoredResponse['body'],
  };
}

/**
 * Records a refusal under the key (first result wins), then throws it — or the result stored first.
 * Written with asynchronous commit: losing one in a crash only means a retry is decided afresh.
 */
export async function refuse(db: Db, userId: string, key: string | undefined, fingerprint: string, err: AppError): Promise<never> {
  if (!key) throw err;
  const body = { code: err.code, detail: err.message, ...(err.fields ? { errors: err.fields } : {}) };
  const inserted = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    return queryRows(
      tx,
      sql`INSERT INTO trade_idempotency_keys (user_id, key, fingerprint, status_code, response, created_at)
          VALUES (${userId}, ${key}, ${fingerprint}, ${err.status}, ${JSON.stringify(body)}::jsonb, ${clock.now()})
          ON CONFLICT DO NOTHING RETURNING 1 AS one`,
    );
  });
  if (inserted.length === 0) {
    const stored = await readStored(db, userId, key, fingerprint);
    if (stored) replay(stored);
  }
  throw err;
}

import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import { clock } from './clock.js';

/**
 * Fixed-window counters kept in the database, so every server process behind one PostgreSQL counts
 * together. `hit` adds one and returns the new count; `peek` reads it.
 */
export interface Window {
  key: string;
  windowMs: number;
}

function windowStart(windowMs: number, now = clock.now()): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

export function windowEnd(windowMs: number, now = clock.now()): Date {
  return new Date(windowStart(windowMs, now).getTime() + windowMs);
}

export async function hitCounter(db: DbOrTx, w: Window): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`
    INSERT INTO rate_counters (key, window_start, count) VALUES (${w.key}, ${windowStart(w.windowMs)}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
    RETURNING count`,
  );
  return Number(row!.count);
}

export async function peekCounter(db: DbOrTx, w: Window): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`SELECT count FROM rate_counters WHERE key = ${w.key} AND window_start = ${windowStart(w.windowMs)}`,
  );
  return Number(row?.count ?? 0);
}

export async function clearCounter(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_counters WHERE key = ${key}`);
}

/** Old windows are useless; the scheduler (or any caller) may prune them. */
export async function pruneCounters(db: DbOrTx, olderThanMs = 24 * 3600_000): Promise<void> {
  await db.execute(sql`DELETE FROM rate_counters WHERE window_start < ${new Date(clock.now().getTime() - olderThanMs)}`);
}

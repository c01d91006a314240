import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { clock } from './clock.js';
import { systemState } from './schema.js';

/** Key/value facts about the installation (`system_state`), for modules that keep one (search vector version, ...). */
export async function getSystemState(db: DbOrTx, key: string): Promise<string | null> {
  const [row] = await db.select({ value: systemState.value }).from(systemState).where(eq(systemState.key, key));
  return row?.value ?? null;
}

export async function setSystemState(db: DbOrTx, key: string, value: string): Promise<void> {
  const now = clock.now();
  await db
    .insert(systemState)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: systemState.key, set: { value, updatedAt: now } });
}

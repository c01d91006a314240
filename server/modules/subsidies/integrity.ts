import type { DbOrTx } from '../../db/client.js';

/**
 * WIRE AT MERGE: is the organisation under an active integrity penalty (失信惩戒)? The integrity
 * module is built on branch `reports`; at merge this calls its exported check. Until then no
 * organisation is penalised. Subsidies call it when an application is (re)submitted, approved and paid.
 */
export async function activeIntegrityPenalty(db: DbOrTx, organizationId: string): Promise<{ reason: string } | null> {
  void db;
  void organizationId;
  return null;
}

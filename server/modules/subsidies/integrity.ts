import type { DbOrTx } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { activePenaltiesOf } from '../integrity/service.js';

/**
 * Is the organisation under an integrity penalty in force (失信惩戒, integrity module)? Subsidies
 * call it when an application is (re)submitted, approved and paid, and in the estimate.
 */
export async function activeIntegrityPenalty(db: DbOrTx, organizationId: string): Promise<{ reason: string } | null> {
  const [penalty] = await activePenaltiesOf(db, organizationId, clock.now());
  if (!penalty) return null;
  return { reason: `${penalty.decidingBody}：${penalty.misconduct}（${penalty.penaltyKind}，至 ${penalty.endsOn} 前有效）` };
}

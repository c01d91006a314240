import type { Tx, Db } from '../../db/client.js';
import { systemActor, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { getRecord, transitionRecord } from '../catalog/service.js';
import { sellerOrgIds } from './policy.js';

/**
 * Trading reaches the catalogue only through its service: it reads the achievement and fires the
 * catalogue's system-only transitions (start_trade, end_trade, complete_transfer).
 */
const TRADING = () => systemActor('trading');

/** The achievement the actor wants to trade: visible to them, owned by one of their selling organisations, published. */
export async function requireTradableAchievement(opts: { db: Db; actor: Actor; achievementId: string }) {
  const rec = await getRecord({ db: opts.db, actor: opts.actor, kind: 'achievement', id: opts.achievementId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found')
      throw AppError.validation('body.achievementId', 'is not an achievement you can see');
    throw err;
  });
  if (!sellerOrgIds(opts.actor).includes(rec.row.organizationId))
    throw AppError.forbidden('Only the owning organisation may trade this achievement');
  if (rec.row.status !== 'published') throw AppError.conflict(`Only a published achievement can be traded; this one is ${rec.row.status}`);
  return rec;
}

/** published → in_trade, in the caller's transaction; fails with 409 when another trade holds it. */
export async function startTrade(tx: Tx, achievementId: string) {
  await transitionRecord({ db: tx, actor: TRADING(), kind: 'achievement', id: achievementId, transition: 'start_trade' });
}

/** in_trade → published (the trade ended without a transfer). */
export async function endTrade(tx: Tx, achievementId: string) {
  await transitionRecord({ db: tx, actor: TRADING(), kind: 'achievement', id: achievementId, transition: 'end_trade' });
}

/** in_trade → transferred (the deal was paid). */
export async function completeTransfer(tx: Tx, achievementId: string) {
  await transitionRecord({ db: tx, actor: TRADING(), kind: 'achievement', id: achievementId, transition: 'complete_transfer' });
}

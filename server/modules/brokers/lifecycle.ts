import type { AccreditationStatus, BrokerStatus, BrokerTier, BrokerTransition } from '../../../common/api/brokers.js';
import { BROKER_TIERS } from '../../../common/api/brokers.js';

/** The registry entry's life: registry keepers (broker:manage) suspend, reinstate and withdraw. */
export const BROKER_TRANSITION_TABLE: Record<BrokerTransition, { from: readonly BrokerStatus[]; to: BrokerStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  withdraw: { from: ['active', 'suspended'], to: 'withdrawn' },
};

export function brokerTransitionAllowed(name: BrokerTransition, status: BrokerStatus): boolean {
  return BROKER_TRANSITION_TABLE[name].from.includes(status);
}

/** An accreditation is valid through its expiry date (inclusive, Beijing date) unless revoked. */
export function accreditationStatus(a: { revoked: boolean; issuedOn: string; expiresOn: string }, today: string): AccreditationStatus {
  if (a.revoked) return 'revoked';
  return today <= a.expiresOn ? 'valid' : 'expired';
}

/** The highest tier among accreditations valid today (issued on or before today); null when none. */
export function currentTier(
  accreditations: Array<{ tier: string; revoked: boolean; issuedOn: string; expiresOn: string }>,
  today: string,
): BrokerTier | null {
  let best = -1;
  for (const a of accreditations) {
    if (a.issuedOn > today || accreditationStatus(a, today) !== 'valid') continue;
    best = Math.max(best, BROKER_TIERS.indexOf(a.tier as BrokerTier));
  }
  return best >= 0 ? BROKER_TIERS[best]! : null;
}

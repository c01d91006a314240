import type { ServiceRequestStatus, ServiceTransition } from '../../../common/api/services.js';

export type ServiceSide = 'requester' | 'provider';

/**
 * One table for a service request's life. `due` says which SLA clock the new state starts: the
 * provider's quote (from the request), the provider's delivery (from the acceptance), or none.
 */
export const SERVICE_TRANSITION_TABLE: Record<
  ServiceTransition,
  { from: readonly ServiceRequestStatus[]; to: ServiceRequestStatus; by: ServiceSide }
> = {
  quote: { from: ['requested'], to: 'quoted', by: 'provider' },
  decline: { from: ['requested'], to: 'declined', by: 'provider' },
  accept: { from: ['quoted'], to: 'accepted', by: 'requester' },
  cancel: { from: ['requested', 'quoted'], to: 'cancelled', by: 'requester' },
  deliver: { from: ['accepted'], to: 'delivered', by: 'provider' },
  // Ratings only on delivered work: a request never delivered can never be rated.
  rate: { from: ['delivered'], to: 'rated', by: 'requester' },
};

export function serviceTransitionAllowed(name: ServiceTransition, status: ServiceRequestStatus, side: ServiceSide): boolean {
  const t = SERVICE_TRANSITION_TABLE[name];
  return t.from.includes(status) && t.by === side;
}

/** States in which the provider owes a step under an SLA (a quote, a delivery). */
export const PROVIDER_OWES: readonly ServiceRequestStatus[] = ['requested', 'accepted'];

/** Whether a deadline has passed unmet at `now`. */
export function isOverdue(status: ServiceRequestStatus, dueAt: Date | null, now: Date): boolean {
  return PROVIDER_OWES.includes(status) && dueAt !== null && now > dueAt;
}

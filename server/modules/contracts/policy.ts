import type { ContractAction } from '../../../common/api/contracts.js';
import type { ContractStatus } from '../../../common/contracts.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import { EDITABLE, REGISTERED, transitionAllowed, type Party } from './lifecycle.js';

/** Organisation roles that apply for their organisation (with contract:apply). */
export const APPLICANT_ROLES = ['org_member', 'org_admin', 'broker'] as const;

export interface ContractFacts {
  organizationId: string;
  registrationOrganizationId: string;
  status: ContractStatus;
  /** Region paths of the seller, the buyer and the registration point (for officers' scope). */
  regionPaths: string[];
  expertReviewRequired: boolean;
  hasExpertReview: boolean;
}

/**
 * Applicant: a member (org_member, org_admin, broker) of the applicant organisation. Registrar: a
 * registrar of the contract's registration point, or a platform admin (every point).
 */
export function partiesFor(actor: Actor, c: Pick<ContractFacts, 'organizationId' | 'registrationOrganizationId'>): Party[] {
  if (actor.kind === 'system') return ['system', 'registrar', 'applicant'];
  const parties: Party[] = [];
  if (can(actor, 'contract:apply') && organizationIdsOf(actor, [...APPLICANT_ROLES]).includes(c.organizationId)) parties.push('applicant');
  if (
    can(actor, 'contract:register') &&
    (isPlatformAdmin(actor) || organizationIdsOf(actor, ['registrar']).includes(c.registrationOrganizationId))
  )
    parties.push('registrar');
  return parties;
}

const isOfficerInScope = (actor: Actor, c: ContractFacts) =>
  actor.grants.some((g) => g.role === 'gov_officer') && c.regionPaths.some((p) => inRegionScope(actor, p));

/**
 * May the actor see the contract? Anything else answers 404. The applicant sees its own in every
 * state; registrars of the point once it has been submitted; government officers registered contracts
 * whose seller, buyer or registration point lies in their region.
 */
export function canSeeContract(actor: Actor, c: ContractFacts, everSubmitted: boolean): boolean {
  const parties = partiesFor(actor, c);
  if (parties.includes('applicant')) return true;
  if (parties.includes('registrar')) return c.status !== 'draft' && (c.status !== 'withdrawn' || everSubmitted);
  return REGISTERED.includes(c.status) && isOfficerInScope(actor, c);
}

export function contractActions(actor: Actor, c: ContractFacts): ContractAction[] {
  const parties = partiesFor(actor, c);
  const actions: ContractAction[] = [];
  const applicant = parties.includes('applicant');
  const registrar = parties.includes('registrar');
  if (applicant && EDITABLE.includes(c.status)) actions.push('edit', 'upload_attachment');
  if (transitionAllowed('submit', c.status, parties)) actions.push('submit');
  if (transitionAllowed('withdraw', c.status, parties)) actions.push('withdraw');
  if (transitionAllowed('return', c.status, parties)) actions.push('return');
  if (transitionAllowed('refuse', c.status, parties)) actions.push('refuse');
  if (registrar && c.status === 'submitted') {
    actions.push('record_expert_review');
    if (!c.expertReviewRequired || c.hasExpertReview) actions.push('certify');
    actions.push('preview_certificate');
  }
  if (transitionAllowed('amend', c.status, parties)) actions.push('amend');
  if (transitionAllowed('cancel', c.status, parties)) actions.push('cancel');
  if (c.status === 'certified') actions.push('download_certificate');
  return actions;
}

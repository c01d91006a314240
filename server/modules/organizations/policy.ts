import type { OrganizationView } from '../../../common/api/organizations.js';
import { can, inRegionScope, organizationIdsOf, type Actor } from '../../lib/actor.js';

type Action = OrganizationView['actions'][number];

export interface OrgScopeFacts {
  id: string;
  status: string;
  regionPath: string;
}

/** May the actor see this organisation at all? Otherwise it gets a 404, never the data. */
export function canReadOrganization(actor: Actor, org: OrgScopeFacts, memberOf: string[]): boolean {
  if (can(actor, 'org:read_all')) return true;
  if (memberOf.includes(org.id)) return true;
  return can(actor, 'org:read_region') && inRegionScope(actor, org.regionPath);
}

/** Review transitions: the organisation lifecycle as one table. */
export const ORGANIZATION_TRANSITIONS: Record<'approve' | 'reject' | 'suspend' | 'reactivate', { from: string[]; to: string }> = {
  approve: { from: ['pending', 'rejected'], to: 'active' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['active'], to: 'suspended' },
  reactivate: { from: ['suspended'], to: 'active' },
};

export function organizationActions(actor: Actor, org: OrgScopeFacts): Action[] {
  const actions: Action[] = [];
  const adminOf = organizationIdsOf(actor, ['org_admin']);
  const own = adminOf.includes(org.id) && org.status === 'active';
  if ((own && can(actor, 'org:update_own')) || can(actor, 'org:review')) actions.push('update');
  if ((own && can(actor, 'org:manage_members')) || can(actor, 'org:review')) actions.push('manage_members');
  if (can(actor, 'org:review')) {
    for (const [action, t] of Object.entries(ORGANIZATION_TRANSITIONS)) {
      if (t.from.includes(org.status)) actions.push(action as Action);
    }
  }
  return actions;
}

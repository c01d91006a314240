import { creditCodeAreaMismatch } from '../../../common/credit-code.js';
import type { OrganizationView } from '../../../common/api/organizations.js';
import type { OrganizationStatus, OrganizationType } from '../../../common/roles.js';
import type { organizations } from './schema.js';
import type { Actor } from '../../lib/actor.js';
import { organizationActions } from './policy.js';

export type OrganizationRow = typeof organizations.$inferSelect & {
  regionName: string;
  regionPath: string;
  reviewSteps?: OrganizationView['reviewSteps'];
};

export function presentOrganization(row: OrganizationRow, actor: Actor): OrganizationView {
  return {
    id: row.id,
    type: row.type as OrganizationType,
    name: row.name,
    creditCode: row.creditCode,
    creditCodeAreaMismatch: creditCodeAreaMismatch(row.creditCode, row.regionCode),
    regionCode: row.regionCode,
    regionName: row.regionName,
    status: row.status as OrganizationStatus,
    statusReason: row.statusReason,
    ...(row.reviewSteps ? { reviewSteps: row.reviewSteps } : {}),
    address: row.address,
    website: row.website,
    description: row.description,
    contactPhone: row.contactPhone,
    country: row.country,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    actions: organizationActions(actor, { id: row.id, status: row.status, regionPath: row.regionPath }),
  };
}

import { useQuery } from '@tanstack/react-query';
import type { OrganizationView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export const myOrganizationsQueryKey = ['organizations', 'mine'] as const;

export function getMyOrganizations(signal?: AbortSignal): Promise<{ items: OrganizationView[] }> {
  return api.get('/api/organizations/mine', undefined, signal);
}

export function useMyOrganizations() {
  return useQuery({ queryKey: myOrganizationsQueryKey, queryFn: ({ signal }) => getMyOrganizations(signal) });
}

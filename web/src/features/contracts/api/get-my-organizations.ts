import { useQuery } from '@tanstack/react-query';
import type { OrganizationView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

/** The caller's organisations, to fill in the applicant's own party. */
export function getMyOrganizations(signal?: AbortSignal): Promise<{ items: OrganizationView[] }> {
  return api.get('/api/organizations/mine', undefined, signal);
}

export function useMyOrganizations(enabled = true) {
  return useQuery({
    queryKey: ['organizations', 'mine'],
    queryFn: ({ signal }) => getMyOrganizations(signal),
    enabled,
    select: (data) => data.items,
  });
}

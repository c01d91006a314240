import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ListOrganizationsQuery, OrganizationView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export type ListOrganizationsParams = Partial<z.infer<typeof ListOrganizationsQuery>>;

export const organizationsQueryKey = (params: ListOrganizationsParams) => ['admin', 'organizations', params] as const;

export function listOrganizations(
  params: ListOrganizationsParams,
  signal?: AbortSignal,
): Promise<{ items: OrganizationView[]; total: number }> {
  return api.get('/api/organizations', params, signal);
}

export function useOrganizations(params: ListOrganizationsParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organizationsQueryKey(params),
    queryFn: ({ signal }) => listOrganizations(params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

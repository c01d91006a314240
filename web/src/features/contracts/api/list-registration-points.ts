import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegistrationPointView } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';

export type RegistrationPoint = z.infer<typeof RegistrationPointView>;

export function listRegistrationPoints(organizationId: string | undefined, signal?: AbortSignal): Promise<{ items: RegistrationPoint[] }> {
  return api.get('/api/contracts/registration-points', { organizationId }, signal);
}

/** Where an application can be filed; `isDefault` marks the point in the applicant organisation's district. */
export function useRegistrationPoints(organizationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['contracts', 'registration-points', organizationId ?? null],
    queryFn: ({ signal }) => listRegistrationPoints(organizationId, signal),
    staleTime: 5 * 60_000,
    enabled,
    select: (data) => data.items,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IntegrityFlag } from '../../../../../common/api/integrity';
import { api } from '../../../lib/api';

export function getIntegrityFlags(organizationId: string, signal?: AbortSignal): Promise<{ items: z.infer<typeof IntegrityFlag>[] }> {
  return api.get(`/api/integrity/organizations/${encodeURIComponent(organizationId)}/flags`, undefined, signal);
}

/** Penalties in force against the organisation (public). */
export function useIntegrityFlags(organizationId: string) {
  return useQuery({ queryKey: ['integrity', 'flags', organizationId], queryFn: ({ signal }) => getIntegrityFlags(organizationId, signal) });
}

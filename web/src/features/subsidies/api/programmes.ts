import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApplicationView, Estimate, ProgrammeView } from '../../../../../common/api/subsidies';
import { api } from '../../../lib/api';

export function useProgrammes() {
  return useQuery({
    queryKey: ['subsidies', 'programmes'],
    queryFn: ({ signal }) => api.get<{ items: ProgrammeView[] }>('/api/subsidy-programmes', undefined, signal),
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: ['subsidies', 'programme', id],
    queryFn: ({ signal }) => api.get<ProgrammeView>(`/api/subsidy-programmes/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The organisation's estimate (its members and officers); `simulate` counts unpaid contracts as paid in full. */
export function useEstimate(id: string, organizationId: string | null, simulate: boolean) {
  return useQuery({
    queryKey: ['subsidies', 'estimate', id, organizationId, simulate],
    enabled: !!organizationId,
    queryFn: ({ signal }) =>
      api.get<Estimate>(
        `/api/subsidy-programmes/${encodeURIComponent(id)}/estimate`,
        { organizationId, assumeFullyPaid: simulate },
        signal,
      ),
  });
}

export function useApply() {
  return useMutation({
    mutationFn: (body: { programmeId: string; organizationId: string }) => api.post<ApplicationView>('/api/subsidy-applications', body),
  });
}

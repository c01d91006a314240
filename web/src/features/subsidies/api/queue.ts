import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationView, TransitionInput } from '../../../../../common/api/subsidies';
import { api } from '../../../lib/api';

export function useCheckQueue() {
  return useQuery({
    queryKey: ['subsidies', 'queue'],
    queryFn: ({ signal }) => api.get<{ items: ApplicationView[] }>('/api/subsidy-applications', { status: 'submitted' }, signal),
  });
}

export function useTransitionApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TransitionInput }) =>
      api.post<ApplicationView>(`/api/subsidy-applications/${encodeURIComponent(id)}/transitions`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['subsidies', 'queue'] }),
  });
}

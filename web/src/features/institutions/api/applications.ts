import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicationBody, ApplicationSummary, ApplicationView, PanelBody } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

/** Demonstration applications: mine and to score, one, create, edit, submit/withdraw, draw the panel. */
export const applicationQueryKey = (id: string) => ['demonstration', 'application', id] as const;

export function useMyApplications() {
  return useQuery({
    queryKey: ['demonstration', 'mine'],
    queryFn: ({ signal }) =>
      api.get<{ mine: ApplicationSummary[]; toScore: ApplicationSummary[] }>('/api/me/demonstration-applications', undefined, signal),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationQueryKey(id),
    queryFn: ({ signal }) => api.get<ApplicationView>(`/api/demonstration-applications/${encodeURIComponent(id)}`, undefined, signal),
  });
}

function useApplicationMutation<V>(fn: (v: V) => Promise<ApplicationView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      queryClient.setQueryData(applicationQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['demonstration', 'mine'] });
    },
  });
}

export const useCreateApplication = () =>
  useApplicationMutation(({ roundId, body }: { roundId: string; body: z.input<typeof ApplicationBody> }) =>
    api.post<ApplicationView>(`/api/demonstration-rounds/${encodeURIComponent(roundId)}/applications`, body),
  );

export const useUpdateApplication = () =>
  useApplicationMutation(({ id, body }: { id: string; body: z.input<typeof ApplicationBody> }) =>
    api.patch<ApplicationView>(`/api/demonstration-applications/${encodeURIComponent(id)}`, body),
  );

export const useTransitionApplication = () =>
  useApplicationMutation(({ id, action }: { id: string; action: 'submit' | 'withdraw' }) =>
    api.post<ApplicationView>(`/api/demonstration-applications/${encodeURIComponent(id)}/transitions`, { action }),
  );

export const useDrawPanel = () =>
  useApplicationMutation(({ id, body }: { id: string; body: z.input<typeof PanelBody> }) =>
    api.post<ApplicationView>(`/api/demonstration-applications/${encodeURIComponent(id)}/panel`, body),
  );

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ExpertPanelBody, ExpertPanelView } from '../../../../../common/api/contracts';
import { api, apiRequest, isApiProblem } from '../../../lib/api';

export type ExpertPanel = z.infer<typeof ExpertPanelView>;
export const expertPanelQueryKey = (id: string) => ['contracts', 'expert-panel', id] as const;

/** The contract's review panel (404 until one is drawn: answered as null). */
export function getExpertPanel(id: string, signal?: AbortSignal): Promise<ExpertPanel | null> {
  return api
    .get<ExpertPanel>(`/api/contracts/${encodeURIComponent(id)}/expert-panel`, undefined, signal)
    .catch((e: unknown) => (isApiProblem(e, 'not_found') ? null : Promise.reject(e)));
}

export function useExpertPanel(id: string, enabled: boolean) {
  return useQuery({ queryKey: expertPanelQueryKey(id), queryFn: ({ signal }) => getExpertPanel(id, signal), enabled });
}

export function openExpertPanel({ id, body }: { id: string; body: z.input<typeof ExpertPanelBody> }): Promise<ExpertPanel> {
  return apiRequest(`/api/contracts/${encodeURIComponent(id)}/expert-panel`, { method: 'POST', body });
}

export function useOpenExpertPanel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openExpertPanel,
    onSuccess: (panel, { id }) => queryClient.setQueryData(expertPanelQueryKey(id), panel),
  });
}

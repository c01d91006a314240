import { useQuery } from '@tanstack/react-query';
import type { ApplicationSummary, RoundView } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export const roundQueryKey = (id: string) => ['demonstration', 'round', id] as const;

export function getRound(id: string, signal?: AbortSignal): Promise<RoundView> {
  return api.get(`/api/demonstration-rounds/${encodeURIComponent(id)}`, undefined, signal);
}

export function useRound(id: string) {
  return useQuery({ queryKey: roundQueryKey(id), queryFn: ({ signal }) => getRound(id, signal) });
}

export function listRoundApplications(id: string, signal?: AbortSignal): Promise<{ items: ApplicationSummary[] }> {
  return api.get(`/api/demonstration-rounds/${encodeURIComponent(id)}/applications`, undefined, signal);
}

/** The applications of a round (certifiers only). */
export function useRoundApplications(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...roundQueryKey(id), 'applications'],
    queryFn: ({ signal }) => listRoundApplications(id, signal),
    enabled,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { ProposalView } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export const proposalsQueryKey = (id: string) => ['challenges', 'proposals', id];

export function listProposals(
  id: string,
  signal?: AbortSignal,
): Promise<{ sealed: boolean; submissionDeadline: string; items: ProposalView[] }> {
  return api.get(`/api/challenges/${encodeURIComponent(id)}/proposals`, undefined, signal);
}

/** Proposals the caller may know of: sealed (no content) before the deadline, except the caller's own. */
export function useProposals(id: string, enabled: boolean) {
  return useQuery({ queryKey: proposalsQueryKey(id), queryFn: ({ signal }) => listProposals(id, signal), enabled, retry: false });
}

import { useQuery } from '@tanstack/react-query';
import type { DisclosureSummary } from '../../../../../common/api/disclosures';
import { api } from '../../../lib/api';

export function listMyDisclosures(signal?: AbortSignal): Promise<{ items: DisclosureSummary[] }> {
  return api.get('/api/me/disclosures', undefined, signal);
}

/** Disclosures I submitted or am an inventor of. */
export function useMyDisclosures() {
  return useQuery({ queryKey: ['disclosures', 'mine'], queryFn: ({ signal }) => listMyDisclosures(signal) });
}

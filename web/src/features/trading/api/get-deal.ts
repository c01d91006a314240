import { useQuery } from '@tanstack/react-query';
import type { DealView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

export function getDeal(id: string, signal?: AbortSignal): Promise<DealView> {
  return api.get(`/api/trading/deals/${encodeURIComponent(id)}`, undefined, signal);
}

export function useDeal(id: string) {
  return useQuery({ queryKey: ['trading', 'deal', id], queryFn: ({ signal }) => getDeal(id, signal), enabled: !!id });
}

/** The pricing-decision dossier (PDF), opened with the session cookie. */
export const dossierUrl = (id: string) => `/api/trading/deals/${encodeURIComponent(id)}/dossier.pdf`;

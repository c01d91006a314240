import { useQuery } from '@tanstack/react-query';
import type { FinancingRequestView } from '../../../../../common/api/finance';
import { api } from '../../../lib/api';

export function listFinancingRequests(smeQualified: number | null, signal?: AbortSignal): Promise<{ items: FinancingRequestView[] }> {
  return api.get('/api/financing-requests', { smeQualified }, signal);
}

/** Open requests; with a year, only those of organisations that passed that year's tech-SME assessment. */
export function useFinancingRequests(smeQualified: number | null) {
  return useQuery({
    queryKey: ['finance', 'requests', smeQualified],
    queryFn: ({ signal }) => listFinancingRequests(smeQualified, signal),
  });
}

import { useQuery } from '@tanstack/react-query';
import type { DistributionView } from '../../../../../common/api/distributions';
import { api } from '../../../lib/api';

export const distributionQueryKey = (id: string) => ['distributions', 'detail', id];

export function getDistribution(id: string, signal?: AbortSignal): Promise<DistributionView> {
  return api.get(`/api/income-distributions/${encodeURIComponent(id)}`, undefined, signal);
}

export function useDistribution(id: string) {
  return useQuery({
    queryKey: distributionQueryKey(id),
    queryFn: ({ signal }) => getDistribution(id, signal),
    retry: false,
    enabled: id !== '',
  });
}

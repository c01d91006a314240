import { useQuery } from '@tanstack/react-query';
import type { DistributionView } from '../../../../../common/api/distributions';
import { api } from '../../../lib/api';

export function listDistributions(signal?: AbortSignal): Promise<{ items: DistributionView[] }> {
  return api.get('/api/income-distributions', undefined, signal);
}

/** My organisations' distributions (TTO staff), and those naming me as inventor. */
export function useDistributions() {
  return useQuery({ queryKey: ['distributions', 'list'], queryFn: ({ signal }) => listDistributions(signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { InvestorView } from '../../../../../common/api/finance';
import { api } from '../../../lib/api';

export function listInvestors(signal?: AbortSignal): Promise<{ items: InvestorView[] }> {
  return api.get('/api/investors', undefined, signal);
}

export function useInvestors() {
  return useQuery({ queryKey: ['finance', 'investors'], queryFn: ({ signal }) => listInvestors(signal) });
}

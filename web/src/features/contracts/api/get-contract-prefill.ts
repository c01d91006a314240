import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractPrefill } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';

export type Prefill = z.infer<typeof ContractPrefill>;

/** What a trading deal fills in of a new application. */
export function getContractPrefill(dealId: string, signal?: AbortSignal): Promise<Prefill> {
  return api.get('/api/contracts/prefill', { dealId }, signal);
}

export function useContractPrefill(dealId: string | null) {
  return useQuery({
    queryKey: ['contracts', 'prefill', dealId],
    queryFn: ({ signal }) => getContractPrefill(dealId!, signal),
    enabled: !!dealId,
    retry: false,
  });
}

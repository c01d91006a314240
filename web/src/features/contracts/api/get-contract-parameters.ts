import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ParametersView } from '../../../../../common/api/contracts';
import { CONTRACT_PARAMETER_DEFAULTS, type ContractParameters } from '../../../../../common/contracts';
import { api } from '../../../lib/api';

export function getContractParameters(signal?: AbortSignal): Promise<z.infer<typeof ParametersView>> {
  return api.get('/api/contracts/parameters', undefined, signal);
}

/** The registration deadlines and the expert-review threshold in force (the defaults until loaded). */
export function useContractParameters() {
  const query = useQuery({
    queryKey: ['contracts', 'parameters'],
    queryFn: ({ signal }) => getContractParameters(signal),
    staleTime: 5 * 60_000,
  });
  const values: ContractParameters = { ...CONTRACT_PARAMETER_DEFAULTS };
  for (const item of query.data?.items ?? []) values[item.key] = item.value;
  return { values, items: query.data?.items ?? [] };
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractVersionView } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';

export type ContractVersion = z.infer<typeof ContractVersionView>;

export function listContractVersions(id: string, signal?: AbortSignal): Promise<{ items: ContractVersion[] }> {
  return api.get(`/api/contracts/${encodeURIComponent(id)}/versions`, undefined, signal);
}

export function useContractVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['contracts', 'versions', id],
    queryFn: ({ signal }) => listContractVersions(id, signal),
    enabled,
    select: (data) => data.items,
  });
}

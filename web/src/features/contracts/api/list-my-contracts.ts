import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractPage } from '../../../../../common/api/contracts';
import type { ContractStatus } from '../../../../../common/contracts';
import { api } from '../../../lib/api';

export interface MyContractsParams {
  status?: ContractStatus;
  limit?: number;
  offset?: number;
}

export function listMyContracts(params: MyContractsParams, signal?: AbortSignal): Promise<z.infer<typeof ContractPage>> {
  return api.get('/api/me/contracts', { ...params }, signal);
}

export function useMyContracts(params: MyContractsParams) {
  return useQuery({
    queryKey: ['contracts', 'mine', params],
    queryFn: ({ signal }) => listMyContracts(params, signal),
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractPage } from '../../../../../common/api/contracts';
import type { ContractStatus } from '../../../../../common/contracts';
import { api } from '../../../lib/api';

export interface QueueParams {
  status?: ContractStatus;
  overdue?: boolean;
  /** Certification year, for certified and cancelled contracts. */
  year?: number;
  q?: string;
  limit?: number;
  offset?: number;
}

/** The registrar's list at their registration points: submitted applications soonest deadline first by default. */
export function listRegistrationQueue(params: QueueParams, signal?: AbortSignal): Promise<z.infer<typeof ContractPage>> {
  return api.get('/api/registration/contracts', { ...params, overdue: params.overdue ? 'true' : undefined }, signal);
}

export function useRegistrationQueue(params: QueueParams) {
  return useQuery({
    queryKey: ['contracts', 'queue', params],
    queryFn: ({ signal }) => listRegistrationQueue(params, signal),
    placeholderData: keepPreviousData,
  });
}

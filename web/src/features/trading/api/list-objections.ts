import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ObjectionPage, ObjectionStatus } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

export interface ObjectionsParams {
  status?: ObjectionStatus | 'unresolved';
  limit: number;
  offset: number;
}

export function listObjections(params: ObjectionsParams, signal?: AbortSignal): Promise<z.infer<typeof ObjectionPage>> {
  return api.get('/api/trading/objections', { ...params }, signal);
}

/** Objections in the official's region. */
export function useObjections(params: ObjectionsParams) {
  return useQuery({
    queryKey: ['trading', 'objections', params],
    queryFn: ({ signal }) => listObjections(params, signal),
    placeholderData: keepPreviousData,
  });
}

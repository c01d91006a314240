import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TechnicalFieldView } from '../../../common/api/catalog';
import { api } from './api';

export type TechnicalField = z.infer<typeof TechnicalFieldView>;

export function getFields(signal?: AbortSignal): Promise<{ items: TechnicalField[] }> {
  return api.get('/api/fields', undefined, signal);
}

/** The technical-field taxonomy (disciplines and industries); it changes rarely, so it is fetched once per visit. */
export function useFields() {
  return useQuery({
    queryKey: ['fields'],
    queryFn: ({ signal }) => getFields(signal),
    staleTime: Infinity,
    select: (data) => data.items,
  });
}

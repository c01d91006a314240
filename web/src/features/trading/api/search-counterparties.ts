import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CounterpartyPage } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

export type Counterparty = z.infer<typeof CounterpartyPage>['items'][number];

export function searchCounterparties(q: string, signal?: AbortSignal): Promise<z.infer<typeof CounterpartyPage>> {
  return api.get('/api/trading/counterparties', { q }, signal);
}

/** Organisations to name as a notice's buyer; idle until something is typed (pass a debounced value). */
export function useCounterparties(q: string) {
  return useQuery({
    queryKey: ['trading', 'counterparties', q],
    queryFn: ({ signal }) => searchCounterparties(q, signal),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
  });
}

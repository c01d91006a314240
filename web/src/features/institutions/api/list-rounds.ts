import { useQuery } from '@tanstack/react-query';
import type { RoundSummary } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export function listRounds(signal?: AbortSignal): Promise<{ items: RoundSummary[] }> {
  return api.get('/api/demonstration-rounds', undefined, signal);
}

export function useRounds() {
  return useQuery({ queryKey: ['demonstration', 'rounds'], queryFn: ({ signal }) => listRounds(signal) });
}

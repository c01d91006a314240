import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { SynonymCandidate } from './synonym-candidates';

/** POST /api/synonyms/candidates/:id/decision: accept (joins a synonym group) or reject. */
export function useDecideCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'accept' | 'reject' }) =>
      api.post<SynonymCandidate>(`/api/synonyms/candidates/${encodeURIComponent(id)}/decision`, { decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['synonym-candidates'] }),
  });
}

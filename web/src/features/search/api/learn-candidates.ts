import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** POST /api/synonyms/candidates/learn: learn new candidates from the catalogue's keywords. */
export function useLearnCandidates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ proposed: number; added: number }>('/api/synonyms/candidates/learn'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['synonym-candidates'] }),
  });
}

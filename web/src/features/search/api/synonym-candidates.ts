import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SynonymCandidateView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type SynonymCandidate = z.infer<typeof SynonymCandidateView>;
export type CandidateStatus = SynonymCandidate['status'];

/** GET /api/synonyms/candidates?status=… */
export function useSynonymCandidates(status: CandidateStatus) {
  return useQuery({
    queryKey: ['synonym-candidates', status],
    queryFn: ({ signal }) => api.get<{ items: SynonymCandidate[] }>('/api/synonyms/candidates', { status, limit: 200 }, signal),
  });
}

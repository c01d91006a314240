import { useQuery } from '@tanstack/react-query';
import type { PolicyMatchView } from '../../../../../common/api/policies';
import { api } from '../../../lib/api';

export interface MatchInput {
  fields?: string;
}

export function matchPolicies(
  input: MatchInput,
  signal?: AbortSignal,
): Promise<{
  organization: { id: string; name: string; smeAssessment: { year: number; qualified: boolean } | null };
  items: PolicyMatchView[];
}> {
  return api.get('/api/policies/match', { fields: input.fields || undefined }, signal);
}

export function usePolicyMatch(input: MatchInput) {
  return useQuery({ queryKey: ['policies', 'match', input], queryFn: ({ signal }) => matchPolicies(input, signal), retry: false });
}

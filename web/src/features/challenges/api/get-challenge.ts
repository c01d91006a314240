import { useQuery } from '@tanstack/react-query';
import type { ChallengeView } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export const challengeQueryKey = (id: string) => ['challenges', 'detail', id];

export function getChallenge(id: string, signal?: AbortSignal): Promise<ChallengeView> {
  return api.get(`/api/challenges/${encodeURIComponent(id)}`, undefined, signal);
}

export function useChallenge(id: string) {
  return useQuery({ queryKey: challengeQueryKey(id), queryFn: ({ signal }) => getChallenge(id, signal), retry: false });
}

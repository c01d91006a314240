import { useQuery } from '@tanstack/react-query';
import type { ChallengeSummary } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export function listMyChallenges(signal?: AbortSignal): Promise<{ items: ChallengeSummary[] }> {
  return api.get('/api/me/challenges', undefined, signal);
}

/** Challenges my organisations sponsor or registered for; for staff, those in their scope. */
export function useMyChallenges() {
  return useQuery({ queryKey: ['challenges', 'mine'], queryFn: ({ signal }) => listMyChallenges(signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChallengeStatistics, ChallengeSummary } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export interface Hall {
  items: ChallengeSummary[];
  statistics: z.infer<typeof ChallengeStatistics>;
  now: string;
}

export function listChallenges(status: string, signal?: AbortSignal): Promise<Hall> {
  return api.get('/api/challenges', { status }, signal);
}

/** The public hall (揭榜大厅) with the server's time for the countdowns. */
export function useChallengeHall(status: string) {
  return useQuery({
    queryKey: ['challenges', 'hall', status],
    queryFn: ({ signal }) => listChallenges(status, signal),
    refetchInterval: 60_000,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AchievementView, DemandView } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';

export type ReviewKind = 'achievements' | 'demands';
export type ReviewRecord = AchievementView | DemandView;

/** Submitted records waiting for the caller's review (GET /api/review/achievements or /api/review/demands). */
export function listReviewQueue(
  kind: ReviewKind,
  params: { limit: number; offset: number },
  signal?: AbortSignal,
): Promise<{ items: ReviewRecord[]; total: number }> {
  return api.get(`/api/review/${kind}`, { ...params }, signal);
}

export function useReviewQueue(kind: ReviewKind, params: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['review', kind, params],
    queryFn: ({ signal }) => listReviewQueue(kind, params, signal),
    placeholderData: keepPreviousData,
  });
}

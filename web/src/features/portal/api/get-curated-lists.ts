import { useQuery } from '@tanstack/react-query';
import type { AchievementView } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';

export interface CuratedList {
  id: string;
  kind: 'public_interest_catalogue' | 'package';
  title: string;
  keyArea: string | null;
  description: string | null;
  achievements: AchievementView[];
}

/** Curated lists (公益目录, 成果包); the home page hides the section when the endpoint is missing or fails. */
export function getCuratedLists(signal?: AbortSignal): Promise<{ items: CuratedList[] }> {
  return api.get('/api/curated-lists', undefined, signal);
}

export function useCuratedLists() {
  return useQuery({ queryKey: ['curated-lists'], queryFn: ({ signal }) => getCuratedLists(signal), retry: false, staleTime: 5 * 60_000 });
}

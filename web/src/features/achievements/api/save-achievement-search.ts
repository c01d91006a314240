import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedSearchView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

type SavedSearch = z.infer<typeof SavedSearchView>;

/** Keeps the current achievement search (POST /api/me/saved-searches with target `achievements`). */
export function saveAchievementSearch(body: {
  name: string;
  query: Record<string, unknown>;
  notify: SavedSearch['notify'];
}): Promise<SavedSearch> {
  return api.post('/api/me/saved-searches', { ...body, target: 'achievements' });
}

export function useSaveAchievementSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAchievementSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

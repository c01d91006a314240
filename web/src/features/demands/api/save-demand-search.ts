import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedSearchView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

type SavedSearch = z.infer<typeof SavedSearchView>;

/** Keeps the current demand search (POST /api/me/saved-searches with target `demands`). */
export function saveDemandSearch(body: {
  name: string;
  query: Record<string, unknown>;
  notify: SavedSearch['notify'];
}): Promise<SavedSearch> {
  return api.post('/api/me/saved-searches', { ...body, target: 'demands' });
}

export function useSaveDemandSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDemandSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

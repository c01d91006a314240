import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedSearchView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

type SavedSearch = z.infer<typeof SavedSearchView>;

/** Notifies me of new records matching this demand (POST /api/me/saved-searches with target `matches_for_demand`). */
export function watchDemandMatches(body: { recordId: string; name: string; notify: SavedSearch['notify'] }): Promise<SavedSearch> {
  return api.post('/api/me/saved-searches', {
    target: 'matches_for_demand',
    name: body.name,
    notify: body.notify,
    query: { recordId: body.recordId, minScore: 60 },
  });
}

export function useWatchDemandMatches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: watchDemandMatches,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

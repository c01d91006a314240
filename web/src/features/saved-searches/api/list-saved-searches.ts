import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedSearchView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type SavedSearch = z.infer<typeof SavedSearchView>;

export function listSavedSearches(signal?: AbortSignal): Promise<{ items: SavedSearch[] }> {
  return api.get('/api/me/saved-searches', undefined, signal);
}

export function useSavedSearches() {
  return useQuery({ queryKey: ['saved-searches'], queryFn: ({ signal }) => listSavedSearches(signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SearchSuggestResult } from '../../../common/api/search';
import { api } from './api';
import { useDebounced } from './use-debounced';

export type SearchSuggestion = z.infer<typeof SearchSuggestResult>['items'][number];

/** GET /api/search/suggest for what is being typed (debounced): keywords and titles of public records. */
export function useSearchSuggestions(text: string, kind: 'achievement' | 'demand') {
  const q = useDebounced(text.trim(), 200);
  return useQuery({
    queryKey: ['search-suggest', kind, q],
    queryFn: ({ signal }) => api.get<z.infer<typeof SearchSuggestResult>>('/api/search/suggest', { q, kind }, signal),
    enabled: q.length >= 1,
    staleTime: 60_000,
    retry: false,
  });
}

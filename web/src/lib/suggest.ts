import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SuggestResult } from '../../../common/api/search';
import { api } from './api';

export type Suggestion = z.infer<typeof SuggestResult>;

/** POST /api/suggest: the likeliest technical fields and some keywords for a title and summary. */
export function suggestFields(body: { title: string; summary: string }): Promise<Suggestion> {
  return api.post('/api/suggest', body);
}

/** Suggestions for text the user has stopped typing (pass debounced values); idle until there is some text. */
export function useSuggestions(title: string, summary: string) {
  const enabled = title.trim().length >= 2 || summary.trim().length >= 10;
  return useQuery({
    queryKey: ['suggest', title, summary],
    queryFn: () => suggestFields({ title, summary }),
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}

import { useQuery, type QueryClient } from '@tanstack/react-query';
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

/**
 * The field suggested for this title and summary, as last shown (from the query cache), or undefined.
 * `title`/`summary` as the form holds them once the user stopped typing (the suggestion's debounced key).
 */
export function shownTopField(queryClient: QueryClient, title: string, summary: string): string | undefined {
  return queryClient.getQueryData<Suggestion>(['suggest', title, summary])?.fields[0]?.code;
}

/** POST /api/suggest/corrections: the field chosen for a saved record differs from the one suggested. */
export function reportFieldCorrection(body: {
  kind: 'achievement' | 'demand';
  recordId: string;
  suggestedField: string;
  fieldCode: string;
}) {
  return api.post('/api/suggest/corrections', body);
}

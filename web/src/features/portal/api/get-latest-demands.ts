import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DemandSearchResult } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

/** The newest published demands, for the home page. */
export function getLatestDemands(limit: number, signal?: AbortSignal): Promise<z.infer<typeof DemandSearchResult>> {
  return api.get('/api/demands', { sort: 'newest', limit, facets: 'false' }, signal);
}

export function useLatestDemands(limit = 6) {
  return useQuery({ queryKey: ['demands', 'latest', limit], queryFn: ({ signal }) => getLatestDemands(limit, signal), retry: false });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OpenDataView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';

/** The public, aggregated city figures (small cells suppressed). */
export function getOpenData(year: number | undefined, signal?: AbortSignal): Promise<OpenDataView> {
  return api.get('/api/open-data/statistics', { year }, signal);
}

export function useOpenData(year: number | undefined) {
  return useQuery({
    queryKey: ['statistics', 'open-data', year ?? null],
    queryFn: ({ signal }) => getOpenData(year, signal),
    placeholderData: keepPreviousData,
  });
}

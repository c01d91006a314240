import { useQuery } from '@tanstack/react-query';
import type { ScreeningView } from '../../../../../common/api/export-control';
import { api } from '../../../lib/api';

export const screeningQueryKey = (id: string) => ['export-control', 'screening', id];

export function getScreening(id: string, signal?: AbortSignal): Promise<ScreeningView> {
  return api.get(`/api/export-control/screenings/${encodeURIComponent(id)}`, undefined, signal);
}

export function useScreening(id: string) {
  return useQuery({ queryKey: screeningQueryKey(id), queryFn: ({ signal }) => getScreening(id, signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { ScreeningStatus, ScreeningView } from '../../../../../common/api/export-control';
import { api } from '../../../lib/api';

export function listScreenings(status: ScreeningStatus | undefined, signal?: AbortSignal): Promise<{ items: ScreeningView[] }> {
  return api.get('/api/export-control/screenings', status ? { status } : {}, signal);
}

/** The reviewer's queue (pending first). */
export function useScreenings(status: ScreeningStatus | undefined) {
  return useQuery({ queryKey: ['export-control', 'screenings', status ?? 'all'], queryFn: ({ signal }) => listScreenings(status, signal) });
}

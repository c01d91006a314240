import { useQuery } from '@tanstack/react-query';
import type { PortalFiguresView } from '../../../../../common/api/portal';
import { api } from '../../../lib/api';

export function getPortalFigures(signal?: AbortSignal): Promise<PortalFiguresView> {
  return api.get('/api/portal/figures', undefined, signal);
}

/** The home page's live figures (the server keeps them a minute; refetched as often). */
export function usePortalFigures() {
  return useQuery({ queryKey: ['portal', 'figures'], queryFn: ({ signal }) => getPortalFigures(signal), refetchInterval: 60_000 });
}

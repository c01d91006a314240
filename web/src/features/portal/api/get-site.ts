import { useQuery } from '@tanstack/react-query';
import type { SiteInfoView } from '../../../../../common/api/portal';
import { api } from '../../../lib/api';

export function getSiteInfo(signal?: AbortSignal): Promise<SiteInfoView> {
  return api.get('/api/portal/site', undefined, signal);
}

/** The footer's operator, contact and ICP number (configuration; never changes while the page is open). */
export function useSiteInfo() {
  return useQuery({ queryKey: ['portal', 'site'], queryFn: ({ signal }) => getSiteInfo(signal), staleTime: Infinity, retry: false });
}

import { useQuery } from '@tanstack/react-query';
import type { DisclosureView } from '../../../../../common/api/disclosures';
import { api } from '../../../lib/api';

export const disclosureQueryKey = (id: string) => ['disclosures', 'detail', id];

export function getDisclosure(id: string, signal?: AbortSignal): Promise<DisclosureView> {
  return api.get(`/api/disclosures/${encodeURIComponent(id)}`, undefined, signal);
}

export function useDisclosure(id: string) {
  return useQuery({ queryKey: disclosureQueryKey(id), queryFn: ({ signal }) => getDisclosure(id, signal), retry: false });
}

import { useQuery } from '@tanstack/react-query';
import type { PolicyView } from '../../../../../common/api/policies';
import { api } from '../../../lib/api';

export function getPolicy(id: string, signal?: AbortSignal): Promise<PolicyView> {
  return api.get(`/api/policies/${encodeURIComponent(id)}`, undefined, signal);
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: ['policies', 'one', id], queryFn: ({ signal }) => getPolicy(id, signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { ServiceRequestView } from '../../../../../common/api/services';
import { api } from '../../../lib/api';

export function listMyServiceRequests(signal?: AbortSignal): Promise<{ items: ServiceRequestView[] }> {
  return api.get('/api/me/service-requests', { side: 'all' }, signal);
}

export function useMyServiceRequests() {
  return useQuery({ queryKey: ['services', 'mine'], queryFn: ({ signal }) => listMyServiceRequests(signal) });
}

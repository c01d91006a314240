import { useQuery } from '@tanstack/react-query';
import type { OfferingView } from '../../../../../common/api/services';
import { api } from '../../../lib/api';

export function listOfferings(category: string | undefined, signal?: AbortSignal): Promise<{ items: OfferingView[] }> {
  return api.get('/api/service-offerings', { category }, signal);
}

export function useOfferings(category?: string) {
  return useQuery({ queryKey: ['services', 'offerings', category ?? 'all'], queryFn: ({ signal }) => listOfferings(category, signal) });
}

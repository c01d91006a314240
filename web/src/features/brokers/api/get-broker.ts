import { useQuery } from '@tanstack/react-query';
import type { BrokerView } from '../../../../../common/api/brokers';
import { api } from '../../../lib/api';

export function getBroker(id: string, signal?: AbortSignal): Promise<BrokerView> {
  return api.get(`/api/brokers/${encodeURIComponent(id)}`, undefined, signal);
}

export function useBroker(id: string) {
  return useQuery({ queryKey: ['brokers', 'one', id], queryFn: ({ signal }) => getBroker(id, signal) });
}

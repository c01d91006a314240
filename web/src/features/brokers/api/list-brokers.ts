import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BrokerSummary, BrokerTier } from '../../../../../common/api/brokers';
import { api } from '../../../lib/api';

export interface BrokersFilter {
  q?: string;
  tier?: BrokerTier;
}

export function listBrokers(filter: BrokersFilter, signal?: AbortSignal): Promise<{ items: BrokerSummary[]; total: number }> {
  return api.get('/api/brokers', { ...filter, limit: 200 }, signal);
}

export function useBrokers(filter: BrokersFilter) {
  return useQuery({
    queryKey: ['brokers', 'list', filter],
    queryFn: ({ signal }) => listBrokers(filter, signal),
    placeholderData: keepPreviousData,
  });
}

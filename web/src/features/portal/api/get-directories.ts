import { useQuery } from '@tanstack/react-query';
import type { BrokerSummary } from '../../../../../common/api/brokers';
import type { ExpertView } from '../../../../../common/api/experts';
import type { InstitutionSummary } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export interface Directories {
  institutions: InstitutionSummary[];
  brokers: BrokerSummary[];
  experts: ExpertView[];
}

/** A few entries of each public directory for the home page (institutions, brokers by ranking, experts). */
export async function getDirectories(limit: number, signal?: AbortSignal): Promise<Directories> {
  const [institutions, brokers, experts] = await Promise.all([
    api.get<{ items: InstitutionSummary[] }>('/api/institutions', { limit }, signal),
    api.get<{ items: BrokerSummary[] }>('/api/brokers', { limit }, signal),
    api.get<{ items: ExpertView[] }>('/api/experts', { limit }, signal),
  ]);
  return { institutions: institutions.items, brokers: brokers.items, experts: experts.items };
}

export function useDirectories(limit = 6) {
  return useQuery({ queryKey: ['portal', 'directories', limit], queryFn: ({ signal }) => getDirectories(limit, signal), retry: false });
}

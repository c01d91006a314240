import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportJobView } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';

export type ImportJob = z.infer<typeof ImportJobView>;

export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get(`/api/contracts/import-jobs/${encodeURIComponent(id)}`, undefined, signal);
}

/** Polls a running import's progress every second until it finishes. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['contracts', 'import-job', id],
    queryFn: ({ signal }) => getImportJob(id!, signal),
    enabled: !!id,
    retry: false,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 1000),
  });
}

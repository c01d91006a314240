import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportJobView } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';

export type ImportJob = z.infer<typeof ImportJobView>;

export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get(`/api/contracts/import-jobs/${encodeURIComponent(id)}`, undefined, signal);
}

/**
 * An import's progress, polled every second while `polling` (the upload is being processed); the job
 * may not exist yet in the first moments (404), which polling simply waits out. A job last seen
 * running is polled on after the upload broke off (the server restarted): the restarted server fails
 * it with the reason, which the panel then shows among the errors.
 */
export function useImportJob(id: string | null, polling: boolean) {
  return useQuery({
    queryKey: ['contracts', 'import-job', id],
    queryFn: ({ signal }) => getImportJob(id!, signal),
    enabled: !!id,
    retry: false,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return (polling || status === 'running') && status !== 'succeeded' && status !== 'failed' ? 1000 : false;
    },
  });
}

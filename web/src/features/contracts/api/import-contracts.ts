import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportResult } from '../../../../../common/api/contracts';
import { postFile } from './post-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `applications`: an applicant's xlsx of new applications, submitted together; `historical`: a
 * registrar's xlsx of contracts already registered. All rows or none. The client names the job, so
 * it can watch the job's progress while the upload is still being processed.
 */
export type ImportMode = 'applications' | 'historical';

export function importContracts({
  mode,
  organizationId,
  jobId,
  file,
}: {
  mode: ImportMode;
  organizationId?: string;
  jobId: string;
  file: File;
}): Promise<z.infer<typeof ImportResult>> {
  return mode === 'applications'
    ? postFile('/api/contracts/import', { organizationId, jobId }, file, XLSX)
    : postFile('/api/registration/contracts/import', { registrationOrganizationId: organizationId, jobId }, file, XLSX);
}

export function useImportContracts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importContracts,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts'] }),
        queryClient.invalidateQueries({ queryKey: ['statistics'] }),
      ]),
  });
}

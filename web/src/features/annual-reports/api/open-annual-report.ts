import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnnualReportView } from '../../../../../common/api/reports';
import { api } from '../../../lib/api';

export function openAnnualReport(body: { year: number; organizationId?: string }): Promise<AnnualReportView> {
  return api.post('/api/annual-reports', body);
}

/** Opens (or gets) the organisation's report on an ended year. */
export function useOpenAnnualReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openAnnualReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['annual-reports', 'list'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnnualReportView } from '../../../../../common/api/reports';
import type { AnnualReportTransition } from '../../../../../common/reports';
import { api } from '../../../lib/api';
import { annualReportQueryKey } from './get-annual-report';

export function transitionAnnualReport({
  id,
  action,
  reason,
}: {
  id: string;
  action: AnnualReportTransition;
  reason?: string;
}): Promise<AnnualReportView> {
  return api.post(`/api/annual-reports/${encodeURIComponent(id)}/transitions`, { action, reason });
}

export function useTransitionAnnualReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionAnnualReport,
    onSuccess: (view) => {
      queryClient.setQueryData(annualReportQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['annual-reports', 'list'] });
    },
  });
}

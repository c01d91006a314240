import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AnnualReportView, ReportContent } from '../../../../../common/api/reports';
import { api } from '../../../lib/api';
import { annualReportQueryKey } from './get-annual-report';

export function saveAnnualReport({ id, content }: { id: string; content: z.input<typeof ReportContent> }): Promise<AnnualReportView> {
  return api.put(`/api/annual-reports/${encodeURIComponent(id)}`, content);
}

export function useSaveAnnualReport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveAnnualReport, onSuccess: (view) => queryClient.setQueryData(annualReportQueryKey(view.id), view) });
}

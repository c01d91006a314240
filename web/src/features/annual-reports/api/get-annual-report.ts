import { useQuery } from '@tanstack/react-query';
import type { AnnualReportView } from '../../../../../common/api/reports';
import { api } from '../../../lib/api';

export const annualReportQueryKey = (id: string) => ['annual-reports', 'detail', id];

export function getAnnualReport(id: string, signal?: AbortSignal): Promise<AnnualReportView> {
  return api.get(`/api/annual-reports/${encodeURIComponent(id)}`, undefined, signal);
}

export function useAnnualReport(id: string) {
  return useQuery({ queryKey: annualReportQueryKey(id), queryFn: ({ signal }) => getAnnualReport(id, signal), retry: false });
}

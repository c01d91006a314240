import { useQuery } from '@tanstack/react-query';
import type { AnnualReportSummary } from '../../../../../common/api/reports';
import { api } from '../../../lib/api';

export interface AnnualReportsFilter {
  year?: number;
  status?: AnnualReportSummary['status'];
  overdue?: 'true' | 'false';
}

export function listAnnualReports(filter: AnnualReportsFilter, signal?: AbortSignal): Promise<{ items: AnnualReportSummary[] }> {
  return api.get('/api/annual-reports', { ...filter }, signal);
}

/** Reports the caller may see: own organisation's; officers their region's; admins all. */
export function useAnnualReports(filter: AnnualReportsFilter) {
  return useQuery({ queryKey: ['annual-reports', 'list', filter], queryFn: ({ signal }) => listAnnualReports(filter, signal) });
}

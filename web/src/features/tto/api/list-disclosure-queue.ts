import { useQuery } from '@tanstack/react-query';
import type { DisclosureSummary } from '../../../../../common/api/disclosures';
import { api } from '../../../lib/api';

export function listDisclosureQueue(overdue: boolean, signal?: AbortSignal): Promise<{ items: DisclosureSummary[] }> {
  return api.get('/api/disclosures/queue', overdue ? { overdue: true } : undefined, signal);
}

/** The TTO's queue; `overdue` keeps only those past the decision due date. */
export function useDisclosureQueue(overdue: boolean) {
  return useQuery({ queryKey: ['disclosures', 'queue', overdue], queryFn: ({ signal }) => listDisclosureQueue(overdue, signal) });
}

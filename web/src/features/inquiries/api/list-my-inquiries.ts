import { useQuery } from '@tanstack/react-query';
import type { InquirySummary } from '../../../../../common/api/inquiries';
import { api } from '../../../lib/api';

export type MyInquiriesRole = 'all' | 'owner' | 'requester';

export function listMyInquiries(role: MyInquiriesRole, signal?: AbortSignal): Promise<{ items: InquirySummary[] }> {
  return api.get('/api/me/inquiries', { role }, signal);
}

/** Negotiations my organisations are in (received as owner, or started). */
export function useMyInquiries(role: MyInquiriesRole) {
  return useQuery({
    queryKey: ['inquiries', 'mine', role],
    queryFn: ({ signal }) => listMyInquiries(role, signal),
    refetchInterval: 60_000,
  });
}

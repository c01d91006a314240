import { useQuery } from '@tanstack/react-query';
import type { InquiryView } from '../../../../../common/api/inquiries';
import { api } from '../../../lib/api';

export const inquiryQueryKey = (id: string) => ['inquiries', 'detail', id];

export function getInquiry(id: string, signal?: AbortSignal): Promise<InquiryView> {
  return api.get(`/api/inquiries/${encodeURIComponent(id)}`, undefined, signal);
}

/** One negotiation with its messages, refreshed while open. */
export function useInquiry(id: string) {
  return useQuery({
    queryKey: inquiryQueryKey(id),
    queryFn: ({ signal }) => getInquiry(id, signal),
    refetchInterval: 30_000,
    retry: false,
  });
}

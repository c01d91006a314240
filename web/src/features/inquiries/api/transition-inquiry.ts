import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InquiryTransitionBody, InquiryView } from '../../../../../common/api/inquiries';
import { api } from '../../../lib/api';
import { inquiryQueryKey } from './get-inquiry';

export function transitionInquiry({ id, body }: { id: string; body: z.input<typeof InquiryTransitionBody> }): Promise<InquiryView> {
  return api.post(`/api/inquiries/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionInquiry,
    onSuccess: (view) => {
      queryClient.setQueryData(inquiryQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['inquiries', 'mine'] });
    },
  });
}

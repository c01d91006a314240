import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InquiryView, MessageBody } from '../../../../../common/api/inquiries';
import { api } from '../../../lib/api';
import { inquiryQueryKey } from './get-inquiry';

export function postInquiryMessage({ id, body }: { id: string; body: z.input<typeof MessageBody> }): Promise<InquiryView> {
  return api.post(`/api/inquiries/${encodeURIComponent(id)}/messages`, body);
}

export function usePostInquiryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postInquiryMessage,
    onSuccess: (view) => {
      queryClient.setQueryData(inquiryQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['inquiries', 'mine'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccreditationBody, BrokerView, TrainingBody } from '../../../../../common/api/brokers';
import { api } from '../../../lib/api';

export type TrainingInput = z.input<typeof TrainingBody>;
export type AccreditationInput = z.input<typeof AccreditationBody>;

/** A registry keeper records a training or an accreditation on an entry; the answer is the updated entry. */
export function useRecordOnBroker<B>(id: string, kind: 'trainings' | 'accreditations') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<BrokerView>(`/api/brokers/${encodeURIComponent(id)}/${kind}`, body),
    onSuccess: (view) => queryClient.setQueryData(['brokers', 'one', id], view),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IntegrityRecordView } from '../../../../../common/api/integrity';
import type { IntegrityTransition } from '../../../../../common/integrity';
import { api } from '../../../lib/api';

export function transitionIntegrityRecord({
  id,
  action,
  reason,
}: {
  id: string;
  action: IntegrityTransition;
  reason: string;
}): Promise<IntegrityRecordView> {
  return api.post(`/api/integrity/records/${encodeURIComponent(id)}/transitions`, { action, reason });
}

export function useTransitionIntegrityRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionIntegrityRecord,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrity'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { contractQueryKey } from './get-contract';

export function deleteAttachment({ id, attachmentId }: { id: string; attachmentId: string }): Promise<void> {
  return api.delete(`/api/contracts/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`);
}

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: contractQueryKey(id) }),
  });
}

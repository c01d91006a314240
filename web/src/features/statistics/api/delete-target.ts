import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export function deleteTarget(id: string): Promise<void> {
  return api.delete(`/api/statistics/targets/${encodeURIComponent(id)}`);
}

export function useDeleteTarget() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['statistics', 'targets'] }) });
}

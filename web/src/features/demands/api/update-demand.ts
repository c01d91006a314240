import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DemandView } from '../../../../../common/api/catalog';
import { apiRequest } from '../../../lib/api';
import type { DemandInputBody } from './create-demand';
import { demandQueryKey } from './get-demand';

export function updateDemand({ id, body }: { id: string; body: DemandInputBody }): Promise<DemandView> {
  return apiRequest(`/api/demands/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

export function useUpdateDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDemand,
    onSuccess: (view) => {
      queryClient.setQueryData(demandQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['demands', 'mine'] });
    },
  });
}

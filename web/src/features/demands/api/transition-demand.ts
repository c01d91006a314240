import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DemandView, TransitionBody } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';
import { demandQueryKey } from './get-demand';

export function transitionDemand({ id, body }: { id: string; body: z.input<typeof TransitionBody> }): Promise<DemandView> {
  return api.post(`/api/demands/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionDemand,
    onSuccess: (view) => {
      queryClient.setQueryData(demandQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['demands'], predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

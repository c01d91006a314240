import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DistributionTransitionBody, DistributionView } from '../../../../../common/api/distributions';
import { api } from '../../../lib/api';
import { distributionQueryKey } from './get-distribution';

export function transitionDistribution({
  id,
  body,
}: {
  id: string;
  body: z.input<typeof DistributionTransitionBody>;
}): Promise<DistributionView> {
  return api.post(`/api/income-distributions/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionDistribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionDistribution,
    onSuccess: (view) => {
      queryClient.setQueryData(distributionQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['distributions', 'list'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DistributionInput, DistributionView } from '../../../../../common/api/distributions';
import { api } from '../../../lib/api';
import { distributionQueryKey } from './get-distribution';

/** Creates a distribution (no id) or saves the draft (id). */
export function saveDistribution({ id, body }: { id?: string; body: z.input<typeof DistributionInput> }): Promise<DistributionView> {
  return id ? api.put(`/api/income-distributions/${encodeURIComponent(id)}`, body) : api.post('/api/income-distributions', body);
}

export function useSaveDistribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDistribution,
    onSuccess: (view) => {
      queryClient.setQueryData(distributionQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['distributions', 'list'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TargetInput, TargetView } from '../../../../../common/api/statistics';
import { apiRequest } from '../../../lib/api';

/** Creates or replaces the target for (year, region, side, metric). */
export function setTarget(body: TargetInput): Promise<TargetView> {
  return apiRequest('/api/statistics/targets', { method: 'PUT', body });
}

export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['statistics', 'targets'] }) });
}

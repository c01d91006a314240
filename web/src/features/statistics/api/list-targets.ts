import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TargetListView } from '../../../../../common/api/statistics';
import { api } from '../../../lib/api';

export type TargetList = z.infer<typeof TargetListView>;

export function listTargets(params: { region?: string; year?: number }, signal?: AbortSignal): Promise<TargetList> {
  return api.get('/api/statistics/targets', { ...params }, signal);
}

export function useTargets(params: { region?: string; year?: number }, enabled = true) {
  return useQuery({ queryKey: ['statistics', 'targets', params], queryFn: ({ signal }) => listTargets(params, signal), enabled });
}

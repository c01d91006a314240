import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DemandInput, DemandView } from '../../../../../common/api/catalog';
import { api, withQuery } from '../../../lib/api';

export type DemandInputBody = z.input<typeof DemandInput>;

export function createDemand({ body, organizationId }: { body: DemandInputBody; organizationId?: string }): Promise<DemandView> {
  return api.post(withQuery('/api/demands', { organizationId }), body);
}

export function useCreateDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDemand,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demands', 'mine'] }),
  });
}

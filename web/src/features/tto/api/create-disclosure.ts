import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DisclosureInput, DisclosureView } from '../../../../../common/api/disclosures';
import { api } from '../../../lib/api';

export function createDisclosure(body: z.input<typeof DisclosureInput>): Promise<DisclosureView> {
  return api.post('/api/disclosures', body);
}

export function useCreateDisclosure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createDisclosure, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['disclosures'] }) });
}

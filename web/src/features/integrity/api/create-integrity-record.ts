import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IntegrityRecordBody, IntegrityRecordView } from '../../../../../common/api/integrity';
import { api } from '../../../lib/api';

export function createIntegrityRecord(body: z.input<typeof IntegrityRecordBody>): Promise<IntegrityRecordView> {
  return api.post('/api/integrity/records', body);
}

export function useCreateIntegrityRecord() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createIntegrityRecord, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrity'] }) });
}

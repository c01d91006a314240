import { useQuery } from '@tanstack/react-query';
import type { IntegrityRecordView } from '../../../../../common/api/integrity';
import { api } from '../../../lib/api';

export function listIntegrityRecords(
  inForce: 'true' | 'false' | undefined,
  signal?: AbortSignal,
): Promise<{ items: IntegrityRecordView[] }> {
  return api.get('/api/integrity/records', { inForce }, signal);
}

/** Records the caller may see: officers their region's, admins all, members their organisation's. */
export function useIntegrityRecords(inForce?: 'true' | 'false') {
  return useQuery({ queryKey: ['integrity', 'list', inForce ?? 'all'], queryFn: ({ signal }) => listIntegrityRecords(inForce, signal) });
}

import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntryView, ListAuditQuery } from '../../../../../common/api/admin';
import { api } from '../../../lib/api';

export type AuditEntry = z.infer<typeof AuditEntryView>;
export type AuditFilters = Omit<Partial<z.infer<typeof ListAuditQuery>>, 'before' | 'limit'>;
export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

const PAGE_SIZE = 50;

export function listAudit(params: AuditFilters & { before?: number; limit?: number }, signal?: AbortSignal): Promise<AuditPage> {
  return api.get('/api/audit', params, signal);
}

/** Newest first; each further page holds the entries before the last one seen (keyset on seq). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam, signal }) => listAudit({ ...filters, before: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface AuditVerification {
  rows: number;
  ok: boolean;
  broken: { seq: number; reason: string } | null;
}

export function verifyAudit(): Promise<AuditVerification> {
  return api.get('/api/audit/verify');
}

/** A mutation, not a query: the check reads the whole chain and runs only when asked. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}

import type { z } from 'zod';
import type { AuditEntryView } from '../../../common/api/admin.js';
import type { AuditRow } from '../../lib/audit.js';

export function presentAuditEntry(e: AuditRow): z.infer<typeof AuditEntryView> {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    organizationId: e.organizationId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    changes: e.changes ?? null,
    requestId: e.requestId,
    hash: e.hash,
  };
}

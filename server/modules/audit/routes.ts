import { z } from 'zod';
import { AuditEntryView, ListAuditQuery } from '../../../common/api/admin.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { readCheckpoints } from '../../lib/audit-checkpoints.js';
import { checkpointFile } from './jobs.js';
import { presentAuditEntry } from './presenter.js';

const CheckpointView = z.object({
  rows: z.number(),
  headSeq: z.number(),
  headHash: z.string(),
  at: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
import * as audit from './service.js';

const tags = ['audit'];

export const auditRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/audit', {
    config: { access: 'audit:read' },
    schema: {
      tags,
      summary: 'Browse the audit log (newest first; pass nextBefore as before for the next page)',
      querystring: ListAuditQuery,
      response: { 200: z.object({ items: z.array(AuditEntryView), nextBefore: z.number().nullable() }) },
    },
    handler: async (req) => {
      const r = await audit.listAuditEntries({ db, actor: req.actor, query: req.query });
      return {
        items: r.items.map(presentAuditEntry),
        nextBefore: r.nextBefore,
      };
    },
  });

  app.get('/api/audit/checkpoints', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Signed checkpoints of the audit chain (newest last): copy them off the machine and check with npm run audit:verify -- --checkpoint FILE',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ items: z.array(CheckpointView) }) },
    },
    handler: async (req) => ({ items: readCheckpoints(checkpointFile(app.ctx.config)).slice(-req.query.limit) }),
  });

  app.get('/api/audit/verify', {
    config: { access: 'audit:read' },
    schema: {
      tags,
      summary: 'Walk the hash chain and report the first broken row',
      response: {
        200: z.object({ rows: z.number(), ok: z.boolean(), broken: z.object({ seq: z.number(), reason: z.string() }).nullable() }),
      },
    },
    handler: async (req) => {
      const r = await audit.verifyAuditLog({ db, actor: req.actor });
      return { rows: r.rows, ok: r.broken === null, broken: r.broken };
    },
  });
};

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { typed, type Routes } from '../../lib/http/context.js';
import type { Metrics } from './metrics.js';

const tags = ['system'];

export const systemRoutes =
  (metrics: Metrics): Routes =>
  (instance) => {
    const app = typed(instance);
    const { db, database } = app.ctx;

    app.get('/healthz', {
      config: { access: 'public' },
      schema: { tags, summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } },
      handler: async () => ({ status: 'ok' as const }),
    });

    app.get('/readyz', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('unavailable'), database: z.string() }) },
      },
      handler: async (_req, reply) => {
        try {
          await db.execute(sql`SELECT 1`);
          return { status: 'ready' as const, database: database.kind };
        } catch {
          return reply.status(503).send({ status: 'unavailable' as const, database: database.kind });
        }
      },
    });

    app.get('/metrics', {
      config: { access: 'public' },
      schema: { tags, summary: 'Prometheus metrics (text exposition format)', hide: false },
      handler: async (_req, reply) => {
        reply.type(metrics.registry.contentType);
        return metrics.registry.metrics();
      },
    });
  };

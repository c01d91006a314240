import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { typed, type Routes } from '../../lib/http/context.js';
import { AppError } from '../../lib/errors.js';
import type { Metrics } from './metrics.js';

const isLoopback = (address: string | undefined) =>
  !!address && (address.startsWith('127.') || address === '::1' || address === '::ffff:127.0.0.1');

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
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
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
      handler: async (req, reply) => {
        // Behind a token when one is configured; otherwise only for scrapers on this machine.
        const token = app.ctx.config.metricsToken;
        const allowed = token ? req.headers.authorization === `Bearer ${token}` : isLoopback(req.socket.remoteAddress);
        if (!allowed) throw new AppError('not_found', 'No route GET /metrics');
        reply.type(metrics.registry.contentType);
        return metrics.registry.metrics();
      },
    });
  };

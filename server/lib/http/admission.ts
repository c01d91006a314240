import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { FairQueue, QueueFullError, QueueTimeoutError } from '../fair-queue.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false for routes that hold their connection open (event streams): they never wait in the request queue. */
    queued?: boolean;
  }
  interface FastifyRequest {
    /** Gives back this request's place in the request queue (idempotent). */
    leaveQueue?: () => void;
  }
}

export interface AdmissionOptions {
  /** Requests working at once; the rest wait in arrival order. */
  places: number;
  /** Longest waiting line before new requests are refused with 503. */
  maxWaiting: number;
  /** Longest wait before a request is refused with 503. */
  maxWaitMs: number;
  /** Seconds a refused client is told to wait (Retry-After). */
  retryAfterS?: number;
}

/**
 * First come, first served for API work: once its body is read and checked, a request waits for a
 * place (PGlite: a few, since the database runs one statement at a time; PostgreSQL: twice the
 * pool), keeps it until its response is sent or its client goes away, and is refused with 503 and
 * Retry-After when the line is full or it has waited too long — an overloaded server answers
 * quickly rather than hanging. /healthz, /readyz, /metrics, the portal's files and event streams
 * never wait.
 */
export function registerAdmission(app: FastifyInstance, opts: AdmissionOptions): FairQueue {
  const queue = new FairQueue({ places: opts.places, maxWaiting: opts.maxWaiting, maxWaitMs: opts.maxWaitMs });
  const retryAfter = String(opts.retryAfterS ?? 1);
  const queued = (req: FastifyRequest) => {
    const url = req.routeOptions.url ?? '';
    return url.startsWith('/api/') && !url.startsWith('/api/docs') && req.routeOptions.config.queued !== false;
  };

  app.addHook('preHandler', async (req, reply) => {
    if (!queued(req)) return;
    let release: () => void;
    try {
      release = await queue.acquire();
    } catch (err) {
      if (err instanceof QueueFullError || err instanceof QueueTimeoutError) {
        req.log.warn({ waiting: queue.waiting, reason: err.name }, 'request refused: the server is busy');
        throw new AppError('unavailable', 'The server is busy; try again shortly', { headers: { 'retry-after': retryAfter } });
      }
      throw err;
    }
    // The client may have gone while the request waited: give the place straight back.
    if (reply.raw.destroyed || req.socket.destroyed) return release();
    req.leaveQueue = release;
    // 'close' on the response: sent, or the connection went away (hijacked replies included).
    reply.raw.once('close', release);
  });
  app.addHook('onResponse', async (req) => req.leaveQueue?.());
  app.addHook('onRequestAbort', async (req) => req.leaveQueue?.());
  return queue;
}

import client from 'prom-client';
import type { FairQueue } from '../../lib/fair-queue.js';

/** Prometheus metrics of this process. Each server process exposes its own; scrape them all. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'jinqiao_' });
  const requests = new client.Counter({
    name: 'jinqiao_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'jinqiao_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  /** The request queue and (embedded database) the statement queue, read at scrape time. */
  const observeQueues = (queues: { requests: FairQueue; statements?: FairQueue }) => {
    const named = Object.entries(queues).filter((e): e is [string, FairQueue] => e[1] !== undefined);
    new client.Gauge({
      name: 'jinqiao_queue_waiting',
      help: 'Waiting in line: API requests, and statements on the embedded database',
      labelNames: ['queue'] as const,
      registers: [registry],
      collect() {
        for (const [name, q] of named) this.set({ queue: name }, q.waiting);
      },
    });
    new client.Gauge({
      name: 'jinqiao_queue_refused',
      help: 'Refused since start (line full or waited too long): answered 503',
      labelNames: ['queue'] as const,
      registers: [registry],
      collect() {
        for (const [name, q] of named) this.set({ queue: name }, q.stats().refused);
      },
    });
  };
  return { registry, requests, duration, observeQueues };
}
export type Metrics = ReturnType<typeof createMetrics>;

import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { runDueJob, watchStalls, type Job, type JobContext } from './scheduler.js';

/** A logger that keeps what was warned. */
function warnings() {
  const seen: Array<{ stalledMs: number; jobs: string[] }> = [];
  const log = { warn: (obj: { stalledMs: number; jobs: string[] }) => seen.push(obj) } as unknown as FastifyBaseLogger;
  return { log, seen };
}

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* hold the event loop, as a synchronous job would */
  }
};
const nextTicks = () => new Promise((r) => setTimeout(r, 250));

describe('the stall watcher', () => {
  it('names the scheduled job that held the event loop', async () => {
    const { log, seen } = warnings();
    const stop = watchStalls(log, 500);
    // A job claimed through the scheduler: the claim and the result go to a stand-in database.
    const db = { execute: async () => ({ rows: [{ name: 'demo.blocking' }] }) };
    const job: Job = {
      name: 'demo.blocking',
      everyMs: 60_000,
      run: async () => {
        busy(800);
        return 'held the loop';
      },
    };
    try {
      await runDueJob({ db } as unknown as JobContext, job);
      await nextTicks();
    } finally {
      stop();
    }
    expect(seen).toContainEqual({ stalledMs: expect.toSatisfy((ms: number) => ms >= 500), jobs: ['demo.blocking'] });
  });

  it('stays quiet while the loop keeps turning', async () => {
    const { log, seen } = warnings();
    const stop = watchStalls(log, 500);
    try {
      for (let i = 0; i < 5; i++) {
        busy(20);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      stop();
    }
    expect(seen).toEqual([]);
  });
});

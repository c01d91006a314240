import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows } from '../db/client.js';
import { clock, runWithClock } from './clock.js';
import type { AppContext } from './http/context.js';

/** What a job gets: the app's context (main.ts passes `app.ctx`); with a clock, the job runs on it. */
export type JobContext = Pick<AppContext, 'db' | 'mailer' | 'config' | 'search'> & Partial<Pick<AppContext, 'clock'>>;

export interface Job {
  name: string;
  everyMs: number;
  run(ctx: JobContext): Promise<string>;
}

/**
 * Claims a due job: one UPDATE moves its next run forward; only the process whose UPDATE matched
 * runs it. Nothing lives in process memory, so a restart or a second process changes nothing.
 */
export async function runDueJob(ctx: JobContext, job: Job): Promise<string | null> {
  return ctx.clock ? runWithClock(ctx.clock, () => claimAndRun(ctx, job)) : claimAndRun(ctx, job);
}

/** The jobs running now in this process, and those that ran since the stall watcher last looked. */
const runningJobs = new Set<string>();
const recentJobs = new Set<string>();

async function claimAndRun(ctx: JobContext, job: Job): Promise<string | null> {
  const { db } = ctx;
  const now = clock.now();
  await db.execute(sql`INSERT INTO scheduled_jobs (name, next_run_at) VALUES (${job.name}, ${now}) ON CONFLICT (name) DO NOTHING`);
  const claimed = await queryRows<{ name: string }>(
    db,
    sql`UPDATE scheduled_jobs SET next_run_at = ${new Date(now.getTime() + job.everyMs)}, last_run_at = ${now}
        WHERE name = ${job.name} AND next_run_at <= ${now} RETURNING name`,
  );
  if (claimed.length === 0) return null;
  runningJobs.add(job.name);
  recentJobs.add(job.name);
  let result: string;
  try {
    result = await job.run(ctx);
  } finally {
    runningJobs.delete(job.name);
  }
  await db.execute(sql`UPDATE scheduled_jobs SET last_result = ${result} WHERE name = ${job.name}`);
  return result;
}

/**
 * Most jobs run every minute or less often and share a 30 s tick. Jobs with a shorter period
 * (trading's closing jobs: an auction, listing or notice nobody is watching should still close
 * within seconds of its end) get a 1 s tick of their own, so a slow job never holds them up; their
 * "ran" lines show at debug only (at info they would flood the log; failures always show). A tick
 * costs each of its jobs one claim — an UPDATE that matches nothing until the job is due — which
 * also keeps a job to once per period across processes.
 */
export const TICK_MS = 30_000;
export const PROMPT_TICK_MS = 1_000;

/** Runs every job when it is due, on the tick its period calls for. Returns a stop function. */
export function startScheduler(opts: { ctx: JobContext; jobs: Job[]; log: FastifyBaseLogger }): () => void {
  const prompt = opts.jobs.filter((j) => j.everyMs < TICK_MS);
  const quietLog = ['debug', 'trace'].includes(opts.log.level) ? opts.log : opts.log.child({}, { level: 'warn' });
  const stops = [
    startLoop({ ctx: opts.ctx, jobs: prompt, log: quietLog, tickMs: PROMPT_TICK_MS }),
    startLoop({ ctx: opts.ctx, jobs: opts.jobs.filter((j) => !prompt.includes(j)), log: opts.log, tickMs: TICK_MS }),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Polls every `tickMs` and runs whatever is due, one job after another. */
function startLoop(opts: { ctx: JobContext; jobs: Job[]; log: FastifyBaseLogger; tickMs: number }): () => void {
  if (opts.jobs.length === 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of opts.jobs) {
        try {
          const result = await runDueJob(opts.ctx, job);
          if (result !== null) opts.log.info({ job: job.name, result }, 'scheduled job ran');
        } catch (err) {
          opts.log.error({ err, job: job.name }, 'scheduled job failed');
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.tickMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/**
 * Warns when the event loop was held for longer than `thresholdMs` (nothing else, not even /healthz,
 * is answered meanwhile), naming the scheduled jobs that ran meanwhile: a timer due every 100 ms that
 * fires late measures the stall. Returns a stop function.
 */
export function watchStalls(log: FastifyBaseLogger, thresholdMs = 500): () => void {
  const everyMs = 100;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const stalledMs = Math.round(now - last - everyMs);
    last = now;
    if (stalledMs >= thresholdMs) log.warn({ stalledMs, jobs: [...recentJobs] }, 'event loop stalled');
    recentJobs.clear();
    for (const name of runningJobs) recentJobs.add(name);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';

export const ROOT = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts a TypeScript entry point in its own process and waits until `url` answers 200. */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  url: string,
  timeoutMs = 120_000,
  opts: { loader?: boolean } = {},
) {
  const t0 = performance.now();
  // `node --import tsx` runs the server in this one process, so kill -9 reaches the server itself
  // (the tsx CLI would put a wrapper process in between).
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the process under test.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // A plain JavaScript entry (server/cli/start.mjs, what `npm start` runs) needs no loader.
  const loader = opts.loader === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...extra, ...loader, path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    if (performance.now() - t0 > timeoutMs) throw new Error(`${entry} did not answer ${url}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, readyMs: performance.now() - t0 };
}

export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  /** Answers 503 (the database queue was full): part of non2xx. */
  status503: number;
  /** Time-outs and connection errors (autocannon's 10 s timeout). */
  errors: number;
}

export async function load(
  url: string,
  opts: { headers?: Record<string, string>; connections?: number; durationS?: number } = {},
): Promise<LoadResult> {
  const r = await autocannon({
    url,
    connections: opts.connections ?? 20,
    duration: opts.durationS ?? 10,
    headers: opts.headers,
  });
  return {
    requestsPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    status503: (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats?.['503']?.count ?? 0,
    errors: r.errors,
  };
}

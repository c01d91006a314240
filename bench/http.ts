// npm run bench:http — GET /api/me (authenticated, embedded database) beside a bare Fastify
// hello-world, both measured here with autocannon on 127.0.0.1; plus cold start with an existing
// database. Options: --duration S (default 10), --connections N (default 20).
// With DATABASE_URL set, the platform runs on that PostgreSQL instead of PGlite.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, load, startProcess, stopProcess } from './lib.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const durationS = arg('duration', 10);
const connections = arg('connections', 20);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jq-bench-http-'));
const usePg = Boolean(process.env.DATABASE_URL);

try {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    JINQIAO_ADMIN_EMAIL: 'bench@jinqiao.local',
    JINQIAO_ADMIN_PASSWORD: 'bench-password-2026',
  };

  // First start creates and migrates the database.
  const first = await startProcess('server/main.ts', env, `${base}/healthz`);
  await stopProcess(first.child);
  // Cold start: process start → first 200 on /healthz, database already there.
  const cold = await startProcess('server/main.ts', env, `${base}/healthz`);
  const server = cold.child;

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.JINQIAO_ADMIN_EMAIL, password: env.JINQIAO_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const check = await fetch(`${base}/api/me`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`/api/me answered ${check.status}`);

  await load(`${base}/api/me`, { headers: { cookie }, connections, durationS: 2 }); // warm-up
  const me = await load(`${base}/api/me`, { headers: { cookie }, connections, durationS });
  await stopProcess(server);

  const helloPort = await freePort();
  const hello = await startProcess('bench/hello-fastify.ts', { PORT: String(helloPort) }, `http://127.0.0.1:${helloPort}/hello`);
  await load(`http://127.0.0.1:${helloPort}/hello`, { connections, durationS: 2 });
  const bare = await load(`http://127.0.0.1:${helloPort}/hello`, { connections, durationS });
  await stopProcess(hello.child);

  const db = usePg ? 'PostgreSQL' : 'PGlite';
  console.log(`\nbench:http — ${connections} connections, ${durationS}s each, 127.0.0.1, ${os.cpus().length} cores`);
  console.log('                                   req/s     p50 ms   p99 ms   non-2xx');
  console.log(
    `GET /api/me (${db}, session)`.padEnd(34),
    String(me.requestsPerSec).padStart(7),
    String(me.p50Ms).padStart(9),
    String(me.p99Ms).padStart(8),
    String(me.non2xx).padStart(8),
  );
  console.log(
    'bare Fastify hello-world'.padEnd(34),
    String(bare.requestsPerSec).padStart(7),
    String(bare.p50Ms).padStart(9),
    String(bare.p99Ms).padStart(8),
    String(bare.non2xx).padStart(8),
  );
  console.log(`cold start (existing ${db} database → first 200 /healthz): ${Math.round(cold.readyMs)} ms`);
  console.log(
    JSON.stringify({
      database: db,
      connections,
      durationS,
      meRps: me.requestsPerSec,
      meP50Ms: me.p50Ms,
      meP99Ms: me.p99Ms,
      meNon2xx: me.non2xx,
      helloRps: bare.requestsPerSec,
      helloP50Ms: bare.p50Ms,
      helloP99Ms: bare.p99Ms,
      coldStartMs: Math.round(cold.readyMs),
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

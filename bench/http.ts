// npm run bench:http — the platform under concurrent load on 127.0.0.1, on the embedded database
// (PGlite) and on native PostgreSQL with the same demo data, beside a bare Fastify hello-world
// measured in the same run; plus cold start with an existing database.
//
// What a user meets: a public search that hits the database (`GET /api/achievements?q=电池`) from
// --connections clients at once (default 50) for --duration seconds (default 10), while one more
// client probes /healthz, then an authenticated `GET /api/me` under the same load.
// Options: --duration S, --connections N, --only pglite|postgres.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../server/db/client.js';
import { DEMO_PASSWORD } from '../server/db/seed/demo.js';
import { prepareDatabase } from '../server/db/setup.js';
import { findPgBin, startCluster, type Cluster } from '../test/pg-cluster.js';
import { freePort, load, startProcess, stopProcess, type LoadResult } from './lib.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const durationS = Number(arg('duration', '10'));
const connections = Number(arg('connections', '50'));
const only = arg('only', '');
const SEARCH = '/api/achievements?q=%E7%94%B5%E6%B1%A0'; // 电池
// The demo's platform admin (server/db/seed/demo.ts): demo data is seeded only into a database without users.
const admin = { email: 'admin@jinqiao.demo', password: DEMO_PASSWORD };

interface Figures {
  database: string;
  coldStartMs: number;
  coldStartTsxMs: number;
  search: LoadResult;
  healthzDuringSearch: LoadResult;
  me: LoadResult;
  status503: number;
}

async function measure(database: 'PGlite' | 'PostgreSQL', env: Record<string, string>): Promise<Figures> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fullEnv = { ...env, PORT: String(port) };
  // As `npm start` runs it (server/cli/start.mjs: builds what is stale, then the server as plain
  // JavaScript). The first start creates, migrates and (embedded) seeds the database and lets the
  // boot-time work finish; the second is the cold start.
  const first = await startProcess('server/cli/start.mjs', fullEnv, `${base}/healthz`, 900_000, { loader: false });
  await settle(base);
  await stopProcess(first.child);
  const cold = await startProcess('server/cli/start.mjs', fullEnv, `${base}/healthz`, 120_000, { loader: false });
  // The same through the TypeScript loader, as before start.mjs (the baseline of the cold start).
  await stopProcess(cold.child);
  const viaTsx = await startProcess('server/main.ts', fullEnv, `${base}/healthz`);
  await stopProcess(viaTsx.child);
  const server = await startProcess('server/cli/start.mjs', fullEnv, `${base}/healthz`, 120_000, { loader: false });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const probe = await fetch(`${base}${SEARCH}`);
    const body = (await probe.json()) as { total?: number };
    if (probe.status !== 200 || !body.total) throw new Error(`search answered ${probe.status} with ${body.total} results`);

    // What a server that has been up a while meets: its start-up work done (see settle), then a warm-up.
    await settle(base);
    await load(`${base}${SEARCH}`, { connections, durationS: 2 }); // warm-up
    const [search, healthz] = await Promise.all([
      load(`${base}${SEARCH}`, { connections, durationS }),
      load(`${base}/healthz`, { connections: 1, durationS }),
    ]);
    const me = await load(`${base}/api/me`, { headers: { cookie }, connections, durationS });
    return {
      database,
      coldStartMs: Math.round(cold.readyMs),
      coldStartTsxMs: Math.round(viaTsx.readyMs),
      search,
      healthzDuringSearch: healthz,
      me,
      status503: search.status503 + me.status503,
    };
  } finally {
    await stopProcess(server.child);
  }
}

/**
 * Waits until the first start's background work is done (search vectors rebuilt, text model
 * trained): what a long-running server has behind it. Probes a search until two answers in a row
 * come quickly.
 */
async function settle(base: string) {
  let quick = 0;
  for (let i = 0; i < 600 && quick < 2; i++) {
    const t0 = performance.now();
    await fetch(`${base}${SEARCH}`).then((r) => r.arrayBuffer());
    quick = performance.now() - t0 < 250 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const results: Figures[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jq-bench-http-'));
let cluster: Cluster | null = null;
try {
  if (only !== 'postgres') results.push(await measure('PGlite', { DATA_DIR: dataDir }));
  if (only !== 'pglite') {
    const bin = findPgBin();
    if (!bin) console.log('PostgreSQL binaries not found (set PG_BIN): PostgreSQL run skipped');
    else {
      cluster = await startCluster(bin, ['max_connections=200']);
      const name = `jq_bench_http_${process.pid}`;
      const c = new pg.Client({ connectionString: cluster.url });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      // The server refuses demo data on PostgreSQL (a real deployment); the bench seeds the same demo data itself.
      const setup = await openPostgres(url.toString(), 4);
      await prepareDatabase(setup, { demo: true, admin: undefined });
      await setup.close();
      results.push(await measure('PostgreSQL', { DATA_DIR: dataDir, DATABASE_URL: url.toString() }));
    }
  }

  const helloPort = await freePort();
  const hello = await startProcess('bench/hello-fastify.ts', { PORT: String(helloPort) }, `http://127.0.0.1:${helloPort}/hello`);
  await load(`http://127.0.0.1:${helloPort}/hello`, { connections, durationS: 2 });
  const bare = await load(`http://127.0.0.1:${helloPort}/hello`, { connections, durationS });
  await stopProcess(hello.child);

  console.log(`\nbench:http — ${connections} connections, ${durationS}s each, 127.0.0.1, ${os.cpus().length} cores, demo data`);
  console.log('                                              req/s   p50 ms   p99 ms  max ms   non-2xx  503  errors');
  const row = (label: string, r: LoadResult) =>
    console.log(
      label.padEnd(44),
      String(r.requestsPerSec).padStart(7),
      String(r.p50Ms).padStart(8),
      String(r.p99Ms).padStart(8),
      String(r.maxMs).padStart(7),
      String(r.non2xx).padStart(8),
      String(r.status503).padStart(4),
      String(r.errors).padStart(7),
    );
  for (const r of results) {
    row(`GET /api/achievements?q=电池 (${r.database})`, r.search);
    row(`  /healthz, 1 client, during that search`, r.healthzDuringSearch);
    row(`GET /api/me (${r.database}, session)`, r.me);
  }
  row('bare Fastify hello-world', bare);
  for (const r of results)
    console.log(
      `cold start (existing ${r.database} database → first 200 /healthz): npm start ${r.coldStartMs} ms; tsx server/main.ts ${r.coldStartTsxMs} ms`,
    );
  const pgl = results.find((r) => r.database === 'PGlite');
  const pgs = results.find((r) => r.database === 'PostgreSQL');
  if (pgl && pgs)
    console.log(`search throughput PostgreSQL / PGlite: ${(pgs.search.requestsPerSec / pgl.search.requestsPerSec).toFixed(2)}×`);
  const flat: Record<string, number | string> = { connections, durationS };
  for (const r of results) {
    const k = r.database === 'PGlite' ? 'pglite' : 'pg';
    flat[`${k}SearchRps`] = r.search.requestsPerSec;
    flat[`${k}SearchP50Ms`] = r.search.p50Ms;
    flat[`${k}SearchP99Ms`] = r.search.p99Ms;
    flat[`${k}SearchMaxMs`] = r.search.maxMs;
    flat[`${k}SearchNon2xx`] = r.search.non2xx;
    flat[`${k}SearchErrors`] = r.search.errors;
    flat[`${k}HealthzP99Ms`] = r.healthzDuringSearch.p99Ms;
    flat[`${k}MeRps`] = r.me.requestsPerSec;
    flat[`${k}MeP99Ms`] = r.me.p99Ms;
    flat[`${k}Status503`] = r.status503;
    flat[`${k}ColdStartMs`] = r.coldStartMs;
    flat[`${k}ColdStartTsxMs`] = r.coldStartTsxMs;
  }
  flat.helloRps = bare.requestsPerSec;
  flat.helloP99Ms = bare.p99Ms;
  console.log(JSON.stringify(flat));
} finally {
  cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

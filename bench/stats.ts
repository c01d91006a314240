// npm run bench:stats — the government dashboard's queries over 1M and 10M certified contracts on
// native PostgreSQL and 1M on PGlite: p50/p95 through HTTP (the real server process, logged in as
// the platform admin for the city and as a district officer), beside the same figures computed by
// a raw GROUP BY over the facts table in the same run (and checked equal); plus what keeping the
// rollups current costs a certification. Facts come from INSERT … SELECT generate_series
// (bench/stats-data.ts), the rollups from the module's rebuild.
// Options: --pg 1000000,10000000 (sizes on PostgreSQL; DATABASE_URL's server when set, else a
// throwaway cluster), --pglite 1000000 (0 to skip), --rounds 20 (HTTP), --raw-rounds 3, --certify 60.
// Last line: JSON with every figure.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openPglite, openPostgres, type Database } from '../server/db/client.js';
import { seedReferenceData } from '../server/db/setup.js';
import { rebuildRollups } from '../server/modules/statistics/rollup.js';
import { createUser } from '../test/factories.js';
import { findPgBin, startCluster } from '../test/pg-cluster.js';
import { freePort, startProcess, stopProcess } from './lib.js';
import { measureCertify } from './stats-certify.js';
import { generateFactsSql, queryMix, YEARS, type MixQuery } from './stats-data.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const nums = (s: string) =>
  s
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const pgSizes = nums(arg('pg', '1000000,10000000'));
const pgliteSize = Number(arg('pglite', '1000000'));
const rounds = Number(arg('rounds', '20'));
const rawRounds = Number(arg('raw-rounds', '3'));
const certifyN = Number(arg('certify', '60'));
const CHUNK = 1_000_000;
const ADMIN = { email: 'bench-admin@jinqiao.local', password: 'bench-password-2026' };
const OFFICER = { email: 'bench-officer@jinqiao.local', password: 'bench-password-2026' };
const started = performance.now();
const log = (...a: unknown[]) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)}s]`, ...a);

export function pct(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
  return { p50: at(50), p95: at(95), n: s.length };
}

type Exec = (text: string) => Promise<{ rows: unknown[] }>;
const execOf =
  (database: Database): Exec =>
  (text) =>
    database.kind === 'postgres' ? database.pool!.query(text) : database.pglite!.query(text);

/** Migrates, generates `n` facts in chunks, builds the rollups; creates the officer. */
async function load(database: Database, n: number) {
  const exec = execOf(database);
  await migrateDatabase(database);
  await seedReferenceData(database.db);
  await createUser(database.db, { role: 'gov_officer', regionCode: '120116', ...OFFICER });
  const t0 = performance.now();
  await exec('SELECT setseed(0.42)');
  for (let at = 0; at < n; at += CHUNK) {
    await exec(generateFactsSql(at, Math.min(n, at + CHUNK)));
    log(`  facts ${Math.min(n, at + CHUNK).toLocaleString()} / ${n.toLocaleString()}`);
  }
  const factsS = (performance.now() - t0) / 1000;
  await exec('VACUUM ANALYZE contract_facts');
  const t1 = performance.now();
  await rebuildRollups(database.db);
  for (const t of ['stats_yearly', 'stats_monthly', 'stats_dimensions', 'stats_flows', 'stats_parties']) await exec(`VACUUM ANALYZE ${t}`);
  const rollupS = (performance.now() - t1) / 1000;
  const sizes = (
    await exec(
      `SELECT (SELECT count(*) FROM stats_yearly) + (SELECT count(*) FROM stats_monthly) + (SELECT count(*) FROM stats_dimensions) + (SELECT count(*) FROM stats_flows) + (SELECT count(*) FROM stats_parties) AS n`,
    )
  ).rows[0] as { n: number | string };
  log(
    `  ${n.toLocaleString()} facts in ${factsS.toFixed(0)} s, rollups (${Number(sizes.n).toLocaleString()} rows) rebuilt in ${rollupS.toFixed(0)} s`,
  );
  return { loadS: Math.round(factsS), rollupBuildS: Math.round(rollupS), rollupRows: Number(sizes.n) };
}

/** Raw GROUP BY over the facts: p50/p95 per query and overall, and the rows (for the agreement check). */
async function measureRaw(database: Database, mix: MixQuery[]) {
  const exec = execOf(database);
  const all: number[] = [];
  const per: Record<string, number[]> = {};
  const answers: Record<string, Row[][]> = {};
  for (let r = 0; r < rawRounds; r++) {
    for (const q of mix) {
      const t = performance.now();
      const rows: Row[][] = [];
      for (const text of q.raw) rows.push((await exec(text)).rows as Row[]);
      const ms = performance.now() - t;
      all.push(ms);
      (per[q.name] ??= []).push(ms);
      answers[q.name] = rows;
    }
  }
  return { all: pct(all), per: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, pct(v)])), answers };
}

async function login(base: string, who: { email: string; password: string }) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`login ${who.email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The dashboard's queries through HTTP against a server process. */
async function measureHttp(env: Record<string, string>, mix: MixQuery[]) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    'server/main.ts',
    {
      ...env,
      PORT: String(port),
      JINQIAO_DEMO: 'false',
      JINQIAO_ADMIN_EMAIL: ADMIN.email,
      JINQIAO_ADMIN_PASSWORD: ADMIN.password,
      WEB_DIST: '/nonexistent',
    },
    `${base}/healthz`,
    300_000,
  );
  try {
    const cookies = { admin: await login(base, ADMIN), officer: await login(base, OFFICER) };
    const get = async (q: MixQuery) => {
      const res = await fetch(`${base}${q.url}`, { headers: { cookie: cookies[q.who] } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${q.url}: ${res.status} ${body.slice(0, 300)}`);
      return JSON.parse(body) as unknown;
    };
    const answers: Record<string, unknown> = {};
    for (const q of mix) answers[q.name] = await get(q); // warm-up
    const all: number[] = [];
    const per: Record<string, number[]> = {};
    for (let r = 0; r < rounds; r++) {
      for (const q of mix) {
        const t = performance.now();
        await get(q);
        const ms = performance.now() - t;
        all.push(ms);
        (per[q.name] ??= []).push(ms);
      }
    }
    return { all: pct(all), per: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, pct(v)])), answers };
  } finally {
    await stopProcess(server.child);
  }
}

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);
/** The HTTP answers equal the raw GROUP BY's: overview (both sides), type breakdown, top organisations with their count. */
function agree(http: Record<string, unknown>, raw: Record<string, Row[][]>, year: number): boolean {
  const o = http['overview'] as {
    output: { contracts: number; contractAmountFen: number };
    absorption: { contracts: number; contractAmountFen: number };
  };
  const [out, abs] = raw['overview']!;
  const same = (t: { contracts: number; contractAmountFen: number }, r: Row | undefined) =>
    t.contracts === num(r?.n ?? 0) && t.contractAmountFen === num(r?.cam ?? 0);
  const byType = http['by type'] as { rows: Array<{ key: string; contracts: number; contractAmountFen: number }> };
  const top = http['top organisations'] as { rows: Array<{ key: string; contractAmountFen: number }>; entries: number };
  const rtop = raw['top organisations']![0]!;
  return (
    same(
      o.output,
      out!.find((r) => num(r.year) === year),
    ) &&
    same(
      o.absorption,
      abs!.find((r) => num(r.year) === year),
    ) &&
    raw['by type']![0]!.every((r) => byType.rows.find((x) => x.key === r.type)?.contracts === num(r.n)) &&
    rtop.every((r, i) => top.rows[i]?.key === r.k && top.rows[i]?.contractAmountFen === num(r.cam)) &&
    top.entries === num(rtop[0]?.entries ?? 0)
  );
}

async function run(label: string, database: Database, n: number, env: Record<string, string>, closeFirst: boolean) {
  log(`${label}: ${n.toLocaleString()} facts`);
  const loaded = await load(database, n);
  const mix = queryMix(YEARS.to);
  const raw = await measureRaw(database, mix);
  log(`  raw GROUP BY p50/p95 ${raw.all.p50}/${raw.all.p95} ms (${raw.all.n} queries)`);
  const certify = await measureCertify(database, certifyN);
  log(
    `  certify p50 ${certify.certifyP50Ms} ms; fact update alone p50 ${certify.factUpdateP50Ms} ms (empty transaction ${certify.emptyTxP50Ms} ms) → overhead ${certify.overheadMs} ms`,
  );
  if (closeFirst) await database.close();
  const http = await measureHttp(env, mix);
  const agrees = agree(http.answers, raw.answers, YEARS.to);
  log(
    `  HTTP p50/p95 ${http.all.p50}/${http.all.p95} ms (${http.all.n} requests); raw/HTTP p95 ${(raw.all.p95 / http.all.p95).toFixed(1)}×; figures agree: ${agrees}`,
  );
  for (const q of mix)
    log(
      `    ${q.name.padEnd(38)} HTTP ${String(http.per[q.name]!.p95).padStart(7)} ms   raw ${String(raw.per[q.name]!.p95).padStart(8)} ms  (p95)`,
    );
  return {
    ...loaded,
    http: http.all,
    raw: raw.all,
    speedupP95: Math.round((raw.all.p95 / http.all.p95) * 10) / 10,
    agrees,
    certify,
    perQuery: Object.fromEntries(mix.map((q) => [q.name, { http: http.per[q.name], raw: raw.per[q.name] }])),
  };
}

const results: Record<string, Awaited<ReturnType<typeof run>>> = {};
if (pgSizes.length) {
  const bin = process.env.DATABASE_URL ? null : findPgBin();
  if (!process.env.DATABASE_URL && !bin) throw new Error('PostgreSQL binaries not found (set PG_BIN or DATABASE_URL)');
  const cluster = bin
    ? await startCluster(bin, [
        'shared_buffers=2GB',
        'work_mem=64MB',
        'maintenance_work_mem=1GB',
        'max_wal_size=8GB',
        'max_parallel_workers_per_gather=2',
      ])
    : null;
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  try {
    for (const n of pgSizes) {
      const name = `jq_bench_stats_${n}_${process.pid}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openPostgres(url.toString(), 4);
      try {
        results[`postgres_${n}`] = await run(`PostgreSQL`, database, n, { DATABASE_URL: url.toString() }, false);
      } finally {
        await database.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
      }
    }
  } finally {
    cluster?.stop();
  }
}
if (pgliteSize > 0) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jq-bench-stats-'));
  try {
    const database = await openPglite(dir);
    results[`pglite_${pgliteSize}`] = await run('PGlite', database, pgliteSize, { DATA_DIR: dir }, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fig = (k: string) => results[k];
const totalS = Math.round((performance.now() - started) / 1000);
const certifyFrom = fig('postgres_10000000') ?? fig('postgres_1000000') ?? fig(`pglite_${pgliteSize}`);
log(`done in ${totalS} s on ${os.cpus().length} cores; target: PostgreSQL 10M HTTP p95 ≤ 100 ms and ≥ 20× faster than the raw GROUP BY`);
console.log(
  JSON.stringify({
    p95MsHttp10M: fig('postgres_10000000')?.http.p95 ?? null,
    p95MsRawGroupBy10M: fig('postgres_10000000')?.raw.p95 ?? null,
    p95MsHttp1M: fig('postgres_1000000')?.http.p95 ?? null,
    p95MsRawGroupBy1M: fig('postgres_1000000')?.raw.p95 ?? null,
    p95MsHttpPglite1M: fig('pglite_1000000')?.http.p95 ?? null,
    p95MsRawGroupByPglite1M: fig('pglite_1000000')?.raw.p95 ?? null,
    certifyOverheadMs: certifyFrom?.certify.overheadMs ?? null,
    certifyMs: certifyFrom?.certify.certifyP50Ms ?? null,
    totalS,
    cores: os.cpus().length,
    rounds,
    rawRounds,
    results,
  }),
);

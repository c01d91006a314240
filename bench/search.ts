// npm run bench:search — Chinese full-text search over synthetic achievement corpora (CSL vocabulary,
// seeded): load time, GIN index build time, and p50/p95/p99 latency of a fixed query mix through
// HTTP (the real app on 127.0.0.1) and as the raw SQL the service runs, on native PostgreSQL
// (--sizes, default 100000,1000000) and PGlite (--pglite, default 100000), with MiniSearch over the
// same jieba tokens beside it (--minisearch, default 100000). --rounds N repeats the mix (default 3);
// --window N sets the text search window (default 1000). --keep (with DATABASE_URL) keeps each size's
// loaded database (`jq_bench_<n>_kept`) and reuses it on the next run instead of loading again.
// Uses DATABASE_URL's server when set (a fresh database per size), else a throwaway cluster.
// Last line: JSON with every figure.
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import MiniSearch from 'minisearch';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { SearchQuery } from '../common/api/search.js';
import { PRICE_BANDS } from '../common/catalog.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrateDatabase, openPglite, openPostgres, type Database, type Db } from '../server/db/client.js';
import { recencyVector } from '../server/modules/catalog/recency.js';
import { seedReferenceData } from '../server/db/setup.js';
import { anonymousActor } from '../server/lib/actor.js';
import { clock } from '../server/lib/clock.js';
import { createSearchState, searchAchievements } from '../server/modules/search/service.js';
import { tokenize, tokenizeForSearch } from '../server/lib/text/tokenize.js';
import { createOrganization } from '../test/factories.js';
import { insertStatement, queryMix, synthesise, type Row } from './search-corpus.js';
import { findPgBin, startCluster } from '../test/pg-cluster.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const nums = (s: string) =>
  s
    .split(',')
    .filter(Boolean)
    .map(Number)
    .filter((n) => n > 0);
const pgSizes = nums(arg('sizes', '100000,1000000'));
const pgliteSize = Number(arg('pglite', '100000'));
const miniSize = Number(arg('minisearch', '100000'));
const rounds = Number(arg('rounds', '3'));
const keep = process.argv.includes('--keep');
if (keep && !process.env.DATABASE_URL) throw new Error('--keep needs DATABASE_URL (a server that outlives the run)');
// --window N: the text search window (SearchSettings.broadQueryWindow) for this run.
const search = createSearchState({ clock, settings: { broadQueryWindow: Number(arg('window', '1000')) } });
const BATCH = 2000;
const MIX = queryMix(40);
const started = performance.now();
/** The recency index (server/modules/catalog/schema.ts), dropped while loading and built after, like the text index. */
const RECENCY_INDEX_EXPRESSION = new PgDialect().sqlToQuery(recencyVector(sql.raw('search_vector'), sql.raw('published_at'))).sql;
const log = (...a: unknown[]) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)}s]`, ...a);

function pct(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

/** Corpus rows 0..n-1 (kept in memory for the 100k runs and MiniSearch). */
let kept: Row[] = [];
function rowsFor(n: number, orgIds: string[]): Row[] | null {
  if (n > 200_000) return null;
  if (kept.length < n) for (let i = kept.length; i < n; i++) kept.push(synthesise(i, orgIds));
  return kept.slice(0, n);
}

async function load(database: Database, n: number, orgIds: string[]) {
  const exec = async (text: string, values: unknown[] = []) =>
    database.kind === 'postgres' ? database.pool!.query(text, values) : database.pglite!.query(text, values);
  await exec('DROP INDEX IF EXISTS achievements_search_idx');
  await exec('DROP INDEX IF EXISTS achievements_recency_idx');
  const inMemory = rowsFor(n, orgIds);
  const t0 = performance.now();
  let pending: Promise<unknown> = Promise.resolve();
  for (let at = 0; at < n; at += BATCH) {
    // Synthesis (jieba) of the next batch overlaps the database's work on the previous one.
    const batch = inMemory
      ? inMemory.slice(at, at + BATCH)
      : Array.from({ length: Math.min(BATCH, n - at) }, (_, k) => synthesise(at + k, orgIds));
    await pending;
    const st = insertStatement(batch);
    pending = exec(st.text, st.values);
    if ((at / BATCH) % 50 === 0 && at) log(`  loaded ${at}`);
  }
  await pending;
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  await exec('CREATE INDEX achievements_search_idx ON achievements USING gin (search_vector)');
  const indexMs = performance.now() - t1;
  const t2 = performance.now();
  await exec(`CREATE INDEX achievements_recency_idx ON achievements USING gin (${RECENCY_INDEX_EXPRESSION})`);
  const recencyIndexMs = performance.now() - t2;
  await exec('VACUUM ANALYZE achievements');
  // Measure the steady state, not the server still writing out the bulk load's gigabytes.
  await exec('CHECKPOINT');
  return {
    loadS: Math.round(loadMs / 100) / 10,
    indexBuildS: Math.round(indexMs / 100) / 10,
    recencyIndexBuildS: Math.round(recencyIndexMs / 100) / 10,
  };
}

/**
 * The statements the service runs for each query (page, facets or count), captured from real calls
 * through one spy (per-database state such as the user dictionary is loaded once for it, not per query).
 */
async function capture(db: Db, queries: Array<Record<string, string>>) {
  let seen: SQL[] = [];
  const spy = new Proxy(db, {
    get(target, prop, recv) {
      if (prop === 'execute') return (s: SQL) => (seen.push(s), target.execute(s));
      return Reflect.get(target, prop, recv);
    },
  });
  const dialect = (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect;
  const out: Array<Array<{ sql: string; params: unknown[] }>> = [];
  for (const q of queries) {
    seen = [];
    await searchAchievements({ db: spy, search, actor: anonymousActor(), query: SearchQuery.parse(q) });
    out.push(seen.map((s) => dialect.sqlToQuery(s)).filter((s) => s.sql.includes('search_vector')));
  }
  return out;
}

async function measure(database: Database, label: string) {
  const config = loadConfig({ NODE_ENV: 'test', JINQIAO_DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
  const app = await buildApp({ config, database, logger: false, search });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const statements = await capture(database.db, MIX);
  const runSql = async (i: number) => {
    const run = (s: { sql: string; params: unknown[] }) =>
      database.kind === 'postgres' ? database.pool!.query(s.sql, s.params) : database.pglite!.query(s.sql, s.params);
    // As the service does: one statement after another (a broad query's window, looked for further back when needed).
    for (const s of statements[i]!) await run(s);
  };
  const http = { all: [] as number[], facets: [] as number[], plain: [] as number[] };
  const raw = { all: [] as number[], facets: [] as number[], plain: [] as number[] };
  const totals: number[] = [];
  for (let i = 0; i < MIX.length; i++) {
    const res = await fetch(`${base}/api/achievements?${new URLSearchParams(MIX[i])}`); // warm-up
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
    totals.push(((await res.json()) as { total: number }).total);
    await runSql(i);
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < MIX.length; i++) {
      const kind = MIX[i]!.facets === 'true' ? 'facets' : 'plain';
      let t = performance.now();
      const res = await fetch(`${base}/api/achievements?${new URLSearchParams(MIX[i])}`);
      await res.arrayBuffer();
      let ms = performance.now() - t;
      http.all.push(ms);
      http[kind].push(ms);
      t = performance.now();
      await runSql(i);
      ms = performance.now() - t;
      raw.all.push(ms);
      raw[kind].push(ms);
    }
  }
  await app.close();
  const out = {
    http: pct(http.all),
    httpFacets: pct(http.facets),
    httpPlain: pct(http.plain),
    sql: pct(raw.all),
    sqlFacets: pct(raw.facets),
    sqlPlain: pct(raw.plain),
    medianTotal: [...totals].sort((a, b) => a - b)[totals.length >> 1],
    maxTotal: Math.max(...totals),
  };
  log(
    `${label}: HTTP p50/p95/p99 ${out.http.p50}/${out.http.p95}/${out.http.p99} ms (facets p95 ${out.httpFacets.p95}, plain p95 ${out.httpPlain.p95}); SQL ${out.sql.p50}/${out.sql.p95}/${out.sql.p99} ms; matches median ${out.medianTotal}, max ${out.maxTotal}`,
  );
  return out;
}

async function prepare(database: Database) {
  await migrateDatabase(database);
  await seedReferenceData(database.db);
  const orgIds: string[] = [];
  const districts = [
    '120101',
    '120102',
    '120103',
    '120104',
    '120105',
    '120106',
    '120110',
    '120111',
    '120112',
    '120113',
    '120114',
    '120115',
    '120116',
    '120117',
    '120118',
    '120119',
  ];
  for (let i = 0; i < 48; i++) orgIds.push((await createOrganization(database.db, { regionCode: districts[i % districts.length]! })).id);
  return orgIds;
}

const results: Record<string, unknown> = {};
const figures: Record<string, number | null> = { p95MsHttp1M: null, p95MsSql1M: null, p95MsPglite100k: null, p95MsMiniSearch100k: null };
let orgIdsForKept: string[] = [];

if (pgliteSize > 0) {
  log(`PGlite ${pgliteSize}`);
  const database = await openPglite('memory://');
  const orgIds = await prepare(database);
  orgIdsForKept = orgIds;
  const loaded = await load(database, pgliteSize, orgIds);
  log(`  PGlite load ${loaded.loadS}s, GIN build ${loaded.indexBuildS}s, recency GIN build ${loaded.recencyIndexBuildS}s`);
  const m = await measure(database, `PGlite ${pgliteSize}`);
  results[`pglite_${pgliteSize}`] = { ...loaded, ...m };
  if (pgliteSize === 100_000) figures.p95MsPglite100k = m.http.p95;
  await database.close();
}

if (miniSize > 0) {
  log(`MiniSearch ${miniSize}`);
  const rows = rowsFor(miniSize, orgIdsForKept.length ? orgIdsForKept : ['00000000-0000-4000-8000-000000000000'])!;
  const t0 = performance.now();
  const mini = new MiniSearch<Row>({
    fields: ['title', 'keywords', 'summary'],
    storeFields: [],
    extractField: (doc, f) => (f === 'keywords' ? doc.keywords.join(' ') : (doc as unknown as Record<string, string>)[f]!),
    tokenize: (text) => tokenizeForSearch(text),
    processTerm: (t) => t,
    searchOptions: { tokenize: (text) => tokenize(text), combineWith: 'AND', boost: { title: 5, keywords: 5, summary: 2 } },
  });
  mini.addAll(rows);
  const buildS = Math.round((performance.now() - t0) / 100) / 10;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const samples: number[] = [];
  const runOne = (q: Record<string, string>) => {
    let hits = mini.search(q.q!);
    if (q.trl) hits = hits.filter((h) => byId.get(h.id)!.trl === Number(q.trl));
    if (q.region) hits = hits.filter((h) => byId.get(h.id)!.regionCode.startsWith('120116'));
    if (q.facets === 'true') {
      // Plain (not disjunctive) facet counts over the hits, for a comparable amount of work.
      const counts = new Map<string, number>();
      const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
      for (const h of hits) {
        const r = byId.get(h.id)!;
        bump(`f:${r.fieldCode}`);
        bump(`t:${r.trl}`);
        bump(`r:${r.regionCode}`);
        r.transferModes.forEach((m) => bump(`m:${m}`));
        bump(`p:${r.priceNegotiable ? 'n' : PRICE_BANDS.findIndex((b) => b.max !== null && r.priceFen! < b.max)}`);
        bump(`u:${r.publicFunding}`);
      }
    }
    return hits.slice(0, 20);
  };
  for (const q of MIX) runOne(q);
  for (let r = 0; r < rounds; r++)
    for (const q of MIX) {
      const t = performance.now();
      runOne(q);
      samples.push(performance.now() - t);
    }
  const m = pct(samples);
  results[`minisearch_${miniSize}`] = { buildS, ...m, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) };
  log(`MiniSearch ${miniSize}: build ${buildS}s, p50/p95/p99 ${m.p50}/${m.p95}/${m.p99} ms (in-process, no HTTP)`);
  if (miniSize === 100_000) figures.p95MsMiniSearch100k = m.p95;
}

if (pgSizes.length) {
  const bin = process.env.DATABASE_URL ? null : findPgBin();
  if (!process.env.DATABASE_URL && !bin) throw new Error('PostgreSQL binaries not found (set PG_BIN or DATABASE_URL)');
  // Bench settings: room for a 1M-row corpus and its GIN build.
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
      log(`PostgreSQL ${n}`);
      const name = keep ? `jq_bench_${n}_kept` : `jq_bench_${n}_${process.pid}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
      if (!exists) await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openPostgres(url.toString(), 10);
      try {
        const reuse = exists && Number((await database.pool!.query('SELECT count(*) AS n FROM achievements')).rows[0].n) === n;
        let loaded: { loadS: number | null; indexBuildS: number | null; recencyIndexBuildS: number | null };
        if (reuse) {
          await migrateDatabase(database);
          loaded = { loadS: null, indexBuildS: null, recencyIndexBuildS: null };
          log(`  PostgreSQL: reusing the ${n}-record corpus kept in ${name} (no load or index build figures)`);
        } else {
          if (exists) throw new Error(`${name} exists but does not hold ${n} records: drop it first`);
          const orgIds = await prepare(database);
          kept = []; // organisation ids differ per database
          loaded = await load(database, n, orgIds);
          log(`  PostgreSQL load ${loaded.loadS}s, GIN build ${loaded.indexBuildS}s, recency GIN build ${loaded.recencyIndexBuildS}s`);
        }
        const m = await measure(database, `PostgreSQL ${n}`);
        results[`postgres_${n}`] = { ...loaded, ...m, httpOverSql: Math.round((m.http.p95 / m.sql.p95) * 100) / 100 };
        if (n === 1_000_000) {
          figures.p95MsHttp1M = m.http.p95;
          figures.p95MsSql1M = m.sql.p95;
        }
      } finally {
        await database.close();
        if (!keep) {
          const c = new pg.Client({ connectionString: serverUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
        }
      }
    }
  } finally {
    cluster?.stop();
  }
}

const totalS = Math.round((performance.now() - started) / 1000);
log(`done in ${totalS}s on ${os.cpus().length} cores; targets: 1M PostgreSQL HTTP p95 ≤ 30 ms and ≤ 1.5× SQL; 100k PGlite p95 ≤ 50 ms`);
console.log(
  JSON.stringify({
    ...figures,
    totalS,
    cores: os.cpus().length,
    queries: MIX.length,
    rounds,
    window: search.settings.broadQueryWindow,
    results,
  }),
);

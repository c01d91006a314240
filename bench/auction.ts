// npm run bench:auction — one hot auction on native PostgreSQL (a throwaway cluster): N qualified
// bidders (default 200, deposits confirmed, one API token each) bid over HTTP/1.1 keep-alive on
// 127.0.0.1 against the real server process (server/main.ts), each in a loop with no pause: bid the
// least allowed (the price as last seen in any answer or on the auction's SSE stream) with a fresh
// Idempotency-Key; refusals because someone bid first are normal. Beside it, in the same run, the
// same bid transaction as raw SQL (bench/auction-raw.ts) on a node-postgres pool of the server's
// size, and the HTTP storm again paced at a fixed offered rate (latency from the intended send time,
// so queueing is counted). Afterwards every acknowledged bid is looked up, the amounts and the
// soft-close end times are checked, and the audit chain is verified.
// Options: --duration S (per phase, default 15), --bidders N (200), --pool N (server and raw pool, 10),
// --rate R (paced phase, total attempts/s offered, default 2000; 0 skips it), --warmup S (2).
// Set-up shortcut (said in the output): the auction is announced ≥ 7 days ahead through the service,
// then its bidding window is moved to now with one UPDATE.
// Last line: JSON with every figure.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { openPostgres } from '../server/db/client.js';
import { prepareDatabase } from '../server/db/setup.js';
import { verifyAuditChain } from '../server/lib/audit.js';
import { TRADING_PARAMETERS } from '../server/modules/trading/parameters.js';
import { findPgBin, startCluster } from '../test/pg-cluster.js';
import { checkBids, isBidResult, openBiddingNow, postBid, readStoredBids, setUpHotAuction, type Bidder } from './auction-fixture.js';
import { rawPlaceBid } from './auction-raw.js';
import { freePort, startProcess, stopProcess } from './lib.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const durationS = arg('duration', 15);
const bidderCount = arg('bidders', 200);
const poolSize = arg('pool', 10);
const pacedRate = arg('rate', 2000);
const warmupS = arg('warmup', 2);
const SOFT = { windowMs: TRADING_PARAMETERS.softCloseWindowMs, extensionMs: TRADING_PARAMETERS.softCloseExtensionMs };
const started = performance.now();
const log = (...a: unknown[]) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)}s]`, ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return NaN;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!, 1);
}

/** CPU seconds used so far by a process (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return 0;
  }
}

type Attempt =
  | { kind: 'accepted'; seq: number; amountFen: number; bidderNumber: string; minimumBidFen: number }
  | { kind: 'refused'; minimumBidFen: number | null }
  | { kind: 'error'; detail: string };

interface PhaseResult {
  label: string;
  seconds: number;
  attempts: number;
  accepted: number;
  refused: number;
  errors: number;
  /** Paced phase: attempts due before the end that could not be sent because the bidders were still waiting for answers. */
  unsent: number;
  attemptsPerSec: number;
  acceptedPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  cpu: { serverPct: number; postgresPct: number; benchPct: number; machineBusyPct: number };
  statementsPerAttempt: number | null;
  /** From pg_stat_statements: mean planning + execution time (lock waits included) per call. */
  topStatements: Array<{ calls: number; meanMs: number; planMs: number; totalS: number; query: string }>;
  firstError?: string;
}

const acknowledged: Array<{ seq: number; amountFen: number; bidderNumber: string }> = [];
/** The price as this process last saw it: from any answer and from the SSE stream (what a bidder's screen shows). */
let minimumBid = 0;

function machineBusy(): { busy: number; total: number } {
  const parts = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = parts[3]! + parts[4]!;
  const total = parts.reduce((s, x) => s + x, 0);
  return { busy: total - idle, total };
}

async function runPhase(
  label: string,
  opts: {
    seconds: number;
    workers: Bidder[];
    attempt: (b: Bidder, amountFen: number) => Promise<Attempt>;
    intervalMs?: number;
    serverPid?: number;
    admin: pg.Client;
    record: boolean;
  },
): Promise<PhaseResult> {
  // PostgreSQL processes come and go (pools close idle connections): CPU per process over the phase,
  // counting one born during the phase from zero and leaving out one that ended (a small undercount).
  const backendPids = async () =>
    (await opts.admin.query(`SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()`)).rows.map((r: { pid: number }) => r.pid);
  const pgCpuAtStart = new Map((await backendPids()).map((p) => [p, cpuSeconds(p)]));
  if (opts.record) await opts.admin.query('SELECT pg_stat_statements_reset()');
  const serverCpu0 = opts.serverPid ? cpuSeconds(opts.serverPid) : 0;
  const self0 = process.cpuUsage();
  const m0 = machineBusy();
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  let errors = 0;
  let unsent = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const tEnd = t0 + opts.seconds * 1000;
  await Promise.all(
    opts.workers.map(async (b) => {
      let next = t0 + (opts.intervalMs ? Math.random() * opts.intervalMs : 0);
      for (;;) {
        if (opts.intervalMs) {
          const wait = next - performance.now();
          if (wait > 0) await sleep(wait);
        }
        const sent = opts.intervalMs ? next : performance.now();
        if (sent >= tEnd) return;
        // Paced and falling behind: what could not even be sent by the end is counted, not sent.
        if (opts.intervalMs && performance.now() >= tEnd) {
          unsent += Math.ceil((tEnd - sent) / opts.intervalMs);
          return;
        }
        const a = await opts.attempt(b, minimumBid).catch((err: unknown): Attempt => ({ kind: 'error', detail: (err as Error).message }));
        latencies.push(performance.now() - sent);
        if (a.kind === 'accepted') {
          accepted++;
          acknowledged.push({ seq: a.seq, amountFen: a.amountFen, bidderNumber: a.bidderNumber });
        } else if (a.kind === 'refused') refused++;
        else {
          errors++;
          firstError ??= a.detail;
        }
        if (a.kind !== 'error' && a.minimumBidFen !== null) minimumBid = Math.max(minimumBid, a.minimumBidFen);
        if (opts.intervalMs) next += opts.intervalMs;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(self0);
  const m1 = machineBusy();
  const pgCpu = (await backendPids()).reduce((s, p) => s + cpuSeconds(p) - (pgCpuAtStart.get(p) ?? 0), 0);
  const serverCpu = opts.serverPid ? cpuSeconds(opts.serverPid) - serverCpu0 : 0;
  const sorted = Float64Array.from(latencies).sort();
  let statementsPerAttempt: number | null = null;
  let topStatements: PhaseResult['topStatements'] = [];
  if (opts.record) {
    const rows = (
      await opts.admin.query(
        `SELECT calls, total_exec_time + total_plan_time AS total_time, total_plan_time, query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
         WHERE d.datname = current_database() AND query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time + total_plan_time DESC`,
      )
    ).rows as Array<{ calls: string; total_time: number; total_plan_time: number; query: string }>;
    const calls = rows.reduce((s, r) => s + Number(r.calls), 0);
    statementsPerAttempt = latencies.length ? round(calls / latencies.length, 2) : null;
    topStatements = rows.slice(0, 8).map((r) => ({
      calls: Number(r.calls),
      meanMs: round(r.total_time / Number(r.calls), 3),
      planMs: round(r.total_plan_time / Number(r.calls), 3),
      totalS: round(r.total_time / 1000, 2),
      query: r.query.replace(/\s+/g, ' ').slice(0, 110),
    }));
  }
  const attempts = latencies.length;
  return {
    label,
    seconds: round(seconds, 1),
    attempts,
    accepted,
    refused,
    errors,
    unsent,
    attemptsPerSec: Math.round(attempts / seconds),
    acceptedPerSec: Math.round(accepted / seconds),
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: round(sorted[sorted.length - 1] ?? NaN, 1),
    cpu: {
      serverPct: Math.round((serverCpu / seconds) * 100),
      postgresPct: Math.round((pgCpu / seconds) * 100),
      benchPct: Math.round(((self.user + self.system) / 1e6 / seconds) * 100),
      machineBusyPct: Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 100 * os.cpus().length),
    },
    statementsPerAttempt,
    topStatements,
    firstError,
  };
}

function report(r: PhaseResult) {
  log(
    `${r.label}: ${r.attemptsPerSec} attempts/s (${r.acceptedPerSec} accepted/s; ${r.accepted} accepted, ${r.refused} refused, ${r.errors} errors${r.unsent ? `, ${r.unsent} due but never sent` : ''}), ` +
      `p50 ${r.p50Ms} ms, p90 ${r.p90Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`,
  );
  log(
    `  CPU: server ${r.cpu.serverPct}%, PostgreSQL backends ${r.cpu.postgresPct}%, bench client ${r.cpu.benchPct}%, whole machine ${r.cpu.machineBusyPct}% of ${os.cpus().length * 100}%; ${r.statementsPerAttempt} statements/attempt`,
  );
  for (const s of r.topStatements.slice(0, 6))
    log(
      `    ${String(s.calls).padStart(7)} × ${s.meanMs.toFixed(3).padStart(7)} ms (plan ${s.planMs.toFixed(3)}) = ${s.totalS.toFixed(2).padStart(6)} s  ${s.query}`,
    );
  if (r.firstError) log(`  first error: ${r.firstError}`);
}

/** Reads the auction's SSE stream and keeps `minimumBid` current; counts the bid events. */
function followEvents(port: number, auctionId: string) {
  const seqs = new Set<number>();
  const req = get({ host: '127.0.0.1', port, path: `/api/trading/auctions/${auctionId}/events`, agent: false }, (res) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      let end;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const message = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const event = /^event: (\w+)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (!data) continue;
        const parsed = JSON.parse(data) as {
          minimumBidFen?: number;
          lastSeq?: number;
          bid?: { seq: number };
          state?: { minimumBidFen: number };
        };
        if (event === 'snapshot') minimumBid = Math.max(minimumBid, parsed.minimumBidFen!);
        if (event === 'bid') {
          seqs.add(parsed.bid!.seq);
          minimumBid = Math.max(minimumBid, parsed.state!.minimumBidFen);
        }
      }
    });
  });
  req.on('error', () => {});
  return { seqs, close: () => req.destroy() };
}

const bin = findPgBin();
if (!bin) throw new Error('PostgreSQL binaries not found (set PG_BIN): bench:auction runs on native PostgreSQL');
const cluster = await startCluster(bin, [
  'max_connections=300',
  'shared_preload_libraries=pg_stat_statements',
  'pg_stat_statements.track=all',
  'pg_stat_statements.track_planning=on',
]);
let server: Awaited<ReturnType<typeof startProcess>> | null = null;
let events: ReturnType<typeof followEvents> | null = null;
const admin = new pg.Client({ connectionString: cluster.url });
// Interrupted: stop the server and remove the cluster before leaving (the finally below does it otherwise).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.child.kill('SIGKILL');
    cluster.stop();
    process.exit(130);
  });
}
try {
  const name = `jq_bench_auction_${process.pid}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();

  log(`set-up: migrating, ${bidderCount} bidders registered, qualified and deposits confirmed through the trading services…`);
  const setup = await openPostgres(dbUrl, 8);
  await prepareDatabase(setup, { demo: false, admin: undefined });
  await setup.pool!.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const t0 = performance.now();
  const auction = await setUpHotAuction(setup.db, { bidders: bidderCount, concurrency: 8 });
  // In the last minutes: after half a minute of bidding every accepted bid moves the end (soft close).
  const originalEndsAt = await openBiddingNow(setup.db, auction.auctionId, SOFT.windowMs + 30_000);
  const setupS = round((performance.now() - t0) / 1000);
  log(
    `set-up done in ${setupS}s; the auction was announced 7 days ahead, then its bidding window moved to now by one UPDATE (set-up shortcut); original end ${originalEndsAt.toISOString()}`,
  );
  minimumBid = auction.startingPriceFen;

  const port = await freePort();
  server = await startProcess(
    'server/main.ts',
    {
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      JINQIAO_DEMO: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    `http://127.0.0.1:${port}/healthz`,
  );
  events = followEvents(port, auction.auctionId);
  const statsClient = new pg.Client({ connectionString: dbUrl });
  await statsClient.connect();

  const agent = new Agent({ keepAlive: true, maxSockets: bidderCount, maxFreeSockets: bidderCount });
  const httpAttempt = async (b: Bidder, amountFen: number): Promise<Attempt> => {
    const answer = await postBid({ agent, port, auctionId: auction.auctionId, token: b.token, amountFen, key: randomUUID() });
    if (isBidResult(answer))
      return {
        kind: 'accepted',
        seq: answer.body.bid.seq,
        amountFen,
        bidderNumber: answer.body.bid.bidderNumber,
        minimumBidFen: answer.body.state.minimumBidFen,
      };
    if (answer.status === 409) return { kind: 'refused', minimumBidFen: null };
    return { kind: 'error', detail: `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}` };
  };
  const rawPool = new pg.Pool({ connectionString: dbUrl, max: poolSize });
  const rawAttempt = async (b: Bidder, amountFen: number): Promise<Attempt> => {
    const r = await rawPlaceBid(rawPool, b, auction.auctionId, amountFen);
    return r.ok ? { kind: 'accepted', ...r } : { kind: 'refused', minimumBidFen: r.minimumBidFen };
  };
  const phase = async (label: string, attempt: typeof httpAttempt, intervalMs?: number) => {
    if (warmupS > 0)
      await runPhase(`${label} (warm-up)`, {
        seconds: warmupS,
        workers: auction.bidders,
        attempt,
        intervalMs,
        admin: statsClient,
        record: false,
      });
    const r = await runPhase(label, {
      seconds: durationS,
      workers: auction.bidders,
      attempt,
      intervalMs,
      serverPid: server!.child.pid,
      admin: statsClient,
      record: true,
    });
    report(r);
    return r;
  };

  const http = await phase(`HTTP, ${bidderCount} bidders in a loop`, httpAttempt);
  const raw = await phase(`raw SQL, ${bidderCount} workers on a pool of ${poolSize}`, rawAttempt);
  const paced =
    pacedRate > 0
      ? await phase(`HTTP, ${bidderCount} bidders paced at ${pacedRate} attempts/s offered`, httpAttempt, (bidderCount / pacedRate) * 1000)
      : null;
  await rawPool.end();
  agent.destroy();
  await sleep(500); // the last NOTIFYs reach the stream
  events.close();
  await stopProcess(server.child);
  server = null;

  // What the clients were told against what is stored.
  const stored = await readStoredBids((text, values) => statsClient.query(text, values), auction.auctionId);
  const check = checkBids(stored, acknowledged, originalEndsAt, SOFT);
  const [row] = (
    await statsClient.query('SELECT ends_at, current_price_fen, bid_count FROM trade_auctions WHERE id = $1', [auction.auctionId])
  ).rows as Array<{ ends_at: Date; current_price_fen: string; bid_count: number }>;
  const ackedSeqs = new Set(acknowledged.map((a) => a.seq));
  const unacknowledgedStored = stored.filter((b) => !ackedSeqs.has(b.seq)).length;
  const endMatches = row!.ends_at.getTime() === check.expectedEndsAt.getTime();
  const sseMissed = stored.filter((b) => !events!.seqs.has(b.seq)).length;
  const audit = await verifyAuditChain(setup.db);
  const auditBids = Number(
    (await statsClient.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'auction.bid' AND entity_id = $1`, [auction.auctionId]))
      .rows[0].n,
  );
  await statsClient.end();
  await setup.close();
  const ok =
    check.lostBids === 0 &&
    check.notIncreasing === 0 &&
    check.seqGaps === 0 &&
    check.softCloseViolations === 0 &&
    unacknowledgedStored === 0 &&
    endMatches &&
    audit.broken === null &&
    auditBids === stored.length;
  log(
    `verify: ${acknowledged.length} acknowledged, ${stored.length} stored, ${check.lostBids} lost, ${unacknowledgedStored} stored but never acknowledged, ` +
      `${check.notIncreasing} not increasing, ${check.seqGaps} sequence gaps, ${check.softCloseViolations} soft-close violations, end ${endMatches ? 'matches' : 'DIFFERS from'} the rule, ` +
      `${stored.filter((b) => b.extended).length} bids extended the end; SSE saw ${stored.length - sseMissed}/${stored.length} bids; audit chain ${audit.broken ? `BROKEN at ${audit.broken.seq}` : 'intact'} (${audit.rows} rows, ${auditBids} bid entries) → ${ok ? 'OK' : 'FAILED'}`,
  );
  log(
    `targets: ≥ 2000 attempts/s and p99 ≤ 50 ms (${os.cpus().length} cores shared with the client, the server and PostgreSQL; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.log(
    JSON.stringify({
      attemptsPerSec: http.attemptsPerSec,
      acceptedPerSec: http.acceptedPerSec,
      p50Ms: http.p50Ms,
      p99Ms: http.p99Ms,
      rawAttemptsPerSec: raw.attemptsPerSec,
      rawAcceptedPerSec: raw.acceptedPerSec,
      rawP50Ms: raw.p50Ms,
      rawP99Ms: raw.p99Ms,
      pacedOfferedPerSec: paced ? pacedRate : null,
      pacedAttemptsPerSec: paced?.attemptsPerSec ?? null,
      pacedP50Ms: paced?.p50Ms ?? null,
      pacedP99Ms: paced?.p99Ms ?? null,
      acknowledged: acknowledged.length,
      stored: stored.length,
      lostBids: check.lostBids,
      unacknowledgedStored,
      notIncreasing: check.notIncreasing,
      softCloseViolations: check.softCloseViolations,
      auditChainIntact: audit.broken === null,
      sseMissed,
      ok,
      bidders: bidderCount,
      pool: poolSize,
      durationS,
      cores: os.cpus().length,
      loadAverage: round(os.loadavg()[0]!, 1),
      setupS,
      phases: { http, raw, paced },
    }),
  );
  if (!ok) process.exitCode = 1;
} finally {
  events?.close();
  if (server) await stopProcess(server.child).catch(() => {});
  await admin.end().catch(() => {});
  cluster.stop();
}

import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { prepareDatabase } from './db/setup.js';
import { startScheduler } from './lib/scheduler.js';
import { buildApp, SCHEDULED_JOBS } from './app.js';

/**
 * The scheduler looks for due jobs once a tick. Most jobs run every minute or less often and share a
 * 30 s tick. Jobs with a shorter period (trading's closing jobs: an auction, listing or notice nobody
 * is watching should still close within seconds of its end) get a tick of their own, so they run at
 * their own period and a slow job never holds them up. A tick costs each of its jobs one claim
 * (an UPDATE that matches nothing until the job is due); the claim also keeps a job to once per
 * period across processes.
 */
const TICK_MS = 30_000;
const PROMPT_TICK_MS = 1_000;

async function main() {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  const prepared = await prepareDatabase(database, config);
  const app = await buildApp({ config, database });
  let stopScheduler = () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const ctx = { db: database.db, mailer: app.ctx.mailer, config };
  // The prompt jobs run every few seconds: their "ran" lines would flood an info log, so they show at
  // debug only; failures always show (and what a closing job settles is in the audit log).
  const promptLog = ['debug', 'trace'].includes(app.log.level) ? app.log : app.log.child({}, { level: 'warn' });
  const stops = [
    startScheduler({ ctx, jobs: SCHEDULED_JOBS.filter((j) => j.everyMs < TICK_MS), log: promptLog, tickMs: PROMPT_TICK_MS }),
    startScheduler({ ctx, jobs: SCHEDULED_JOBS.filter((j) => j.everyMs >= TICK_MS), log: app.log, tickMs: TICK_MS }),
  ];
  stopScheduler = () => stops.forEach((stop) => stop());
  app.log.info(
    {
      database: database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'postgresql',
      demo: config.demo,
      ...prepared,
      bootMs: Math.round(performance.now() - startedAt),
    },
    `Jinqiao listening on http://${config.host}:${config.port}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { currentClock } from './lib/clock.js';

async function main() {
  const startedAt = performance.now();
  // When each step of the start ended, in ms since the process began (the "listening" line shows them).
  const phases: Record<string, number> = { main: Math.round(startedAt) };
  const mark = (phase: string) => (phases[phase] = Math.round(performance.now()));
  // The app's modules load while the database opens (PGlite compiles its WebAssembly asynchronously,
  // so the two can overlap on a machine with a spare core). Nothing in them touches the database at import.
  const loading = Promise.all([
    import('./app.js'),
    import('./db/setup.js'),
    import('./lib/scheduler.js'),
    import('./lib/spreadsheet/index.js'),
    import('./modules/audit/jobs.js'),
    import('./modules/catalog/reindex.js'),
  ]);
  // An unhandled rejection here would mask the database's own error below; it is awaited after.
  loading.then(() => mark('modules')).catch(() => {});
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
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
      fairQueue: config.requestQueue.enabled,
    });
    mark('database');
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  const [
    { buildApp, SCHEDULED_JOBS },
    { prepareDatabase },
    { startScheduler, watchStalls },
    { failInterruptedImports },
    { checkpointAuditChain },
    { rebuildSearchVectors },
  ] = await loading;
  const prepared = await prepareDatabase(database, config);
  mark('prepared');
  // Nothing is imported yet: a job still running was cut off by the last stop, and says so.
  const interruptedImports = await failInterruptedImports(database.db);
  // The process runs one app, on the process's clock (which the e2e suite's entry shifts before it imports this).
  const app = await buildApp({ config, database, clock: currentClock() });
  mark('built');
  let stopScheduler = () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    // The chain's head as it is at shutdown, signed (see server/lib/audit-checkpoints.ts).
    await checkpointAuditChain(database.db, config).catch((err: unknown) => app.log.error({ err }, 'audit checkpoint failed'));
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  // Stored search vectors older than lib/text/vector.ts are rebuilt in the background (start stays fast).
  rebuildSearchVectors(database.db)
    .then((done) => done && app.log.info(done, 'search vectors rebuilt'))
    .catch((err: unknown) => app.log.warn({ err }, 'could not rebuild the search vectors'));
  const stopWatching = watchStalls(app.log);
  const stopJobs = startScheduler({ ctx: app.ctx, jobs: SCHEDULED_JOBS, log: app.log });
  stopScheduler = () => {
    stopJobs();
    stopWatching();
  };
  app.log.info(
    {
      database: database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'postgresql',
      demo: config.demo,
      ...prepared,
      interruptedImports,
      bootMs: Math.round(performance.now() - startedAt),
      phases: { ...phases, listening: Math.round(performance.now()) },
    },
    `Jinqiao listening on http://${config.host}:${config.port}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

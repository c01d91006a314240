import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { prepareDatabase } from './db/setup.js';
import { startScheduler } from './lib/scheduler.js';
import { buildApp, SCHEDULED_JOBS } from './app.js';
import { rebuildSearchVectors } from './modules/catalog/reindex.js';

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
  // Stored search vectors older than lib/text/vector.ts are rebuilt in the background (start stays fast).
  rebuildSearchVectors(database.db)
    .then((done) => done && app.log.info(done, 'search vectors rebuilt'))
    .catch((err: unknown) => app.log.warn({ err }, 'could not rebuild the search vectors'));
  stopScheduler = startScheduler({ ctx: { db: database.db, mailer: app.ctx.mailer, config }, jobs: SCHEDULED_JOBS, log: app.log });
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

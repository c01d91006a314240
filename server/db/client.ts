import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { FairQueue } from '../lib/fair-queue.js';

export type Schema = typeof schema;
/** The database handle every service takes: the same type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services that write take `Db | Tx` so callers can compose them. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL runner for scripts that need it (backup, verify). */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** PGlite only: the line every statement and transaction waits in (see gateStatements). */
  statements?: FairQueue;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * PGlite passes `-F` (fsync off) by default; we start it without, with synchronous commit, so a
 * committed write is on disk before the client hears about it.
 */
function durableStartParams(): string[] {
  const defaults: string[] = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...defaults.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'synchronous_commit=on'];
}

export async function openPglite(dataDir: string | 'memory://', opts: { fairQueue?: boolean } = {}): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dir: string = dataDir;
  if (dataDir !== 'memory://') {
    dir = path.resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    lock = acquireDataDirLock(dir);
  }
  try {
    const pglite = await PGlite.create({
      dataDir: dir === 'memory://' ? undefined : path.join(dir, 'pgdata'),
      extensions: { pg_trgm },
      startParams: dir === 'memory://' ? undefined : durableStartParams(),
    });
    const statements = opts.fairQueue === false ? undefined : gateStatements(pglite);
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite,
      statements,
      async close() {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/**
 * PGlite runs one statement at a time, synchronously, and hands its lock to the next waiter in a
 * microtask: a backlog then runs to its end without the process reading a socket, and whoever
 * arrives meanwhile waits for all of it (bench:http measured /healthz unanswered for 8 s under 50
 * searching clients). Statements and transactions taken at the top level go through a fair queue
 * that hands over in a macrotask instead. Statements inside a transaction use the transaction's
 * own handle and are not queued again.
 */
export function gateStatements(pglite: PGlite): FairQueue {
  const queue = new FairQueue({ places: 1 });
  const target = pglite as unknown as Record<'query' | 'exec' | 'transaction', (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = target[method]!.bind(pglite);
    target[method] = (...args: unknown[]) => queue.run(() => original(...args));
  }
  return queue;
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client can lose its connection (server restart, failover, a dropped database): without a
  // listener that error would end the process. The pool replaces the client on next use.
  pool.on('error', (err) => console.error(`PostgreSQL idle client error: ${err.message}`));
  // Fail fast on a wrong URL rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  fairQueue?: boolean;
}): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize) : openPglite(opts.dataDir, { fairQueue: opts.fairQueue });
}

/** Applies committed migrations. On PostgreSQL an advisory lock keeps concurrent starters in line. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await database.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727274001)');
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274001)').catch(() => {});
    client.release();
  }
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A statement sent straight to the driver, skipping Drizzle: for the few hottest reads. */
export interface RawStatement {
  /** Its name on PostgreSQL: prepared once per connection, then only executed. */
  name: string;
  text: string;
}

/**
 * Runs a raw statement with positional values ($1, $2, …) on either driver: a named prepared
 * statement on node-postgres, a plain parameterised query on PGlite. `T` is the row as the driver
 * returns it (timestamps as Date, bigint and numeric as string).
 */
export async function queryStatement<T>(db: Db, statement: RawStatement, values: unknown[]): Promise<T[]> {
  // Both Drizzle drivers keep the client they were made with as `$client`.
  const client = (db as Db & { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool)
    return (await client.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values })).rows;
  return (await client.query<T>(statement.text, values)).rows;
}

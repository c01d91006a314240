import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { FastifyInstance, RouteOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { gateStatements, migrateDatabase, openPglite, openPostgres, type Database, type Db } from '../server/db/client.js';
import * as schema from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/setup.js';
import { createClock, useAmbientClock } from '../server/lib/clock.js';
import './provided.js';

export type TestDbKind = 'pglite' | 'postgres';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  kind: TestDbKind;
  close(): Promise<void>;
}

export const testDbKind = (): TestDbKind => (process.env.JQ_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** False only in the postgres project when the cluster could not be provided (no binaries): its tests skip. */
export const testDatabaseAvailable = (): boolean => testDbKind() === 'pglite' || inject('pg') !== null;

let snapshot: Buffer | undefined;

async function openTestPglite(): Promise<Database> {
  const file = inject('pgliteSnapshot');
  if (!file) {
    // Run outside the pglite project (no global setup): migrate from scratch.
    const database = await openPglite('memory://');
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    return database;
  }
  snapshot ??= readFileSync(file);
  const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]), extensions: { pg_trgm } });
  // As the server opens it: statements wait in the fair queue.
  const statements = gateStatements(pglite);
  return {
    db: drizzlePglite(pglite, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite,
    statements,
    close: () => pglite.close(),
  };
}

async function openTestPostgres(): Promise<Database> {
  const info = inject('pg');
  if (!info) throw new Error('No PostgreSQL cluster was provided (see test/pg-global-setup.ts)');
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ host: info.host, port: info.port, user: info.user, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${info.template}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(`postgresql://${info.user}@${info.host}:${info.port}/${name}`, 5);
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ host: info.host, port: info.port, user: info.user, database: 'postgres' });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

/** A fresh, migrated database with the region tree: PGlite in memory, or a copy of the cluster's template. */
export async function openTestDatabase(kind: TestDbKind = testDbKind()): Promise<Database> {
  return kind === 'postgres' ? openTestPostgres() : openTestPglite();
}

// WEB_DIST points nowhere so the single-page-app fallback never answers in place of the API.
const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', JINQIAO_DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent/jinqiao-web-dist', ...env });

export interface TestAppOptions {
  onRoute?: (route: RouteOptions) => void;
  /** Extra environment for the app's configuration (e.g. REQUEST_PLACES). */
  env?: Record<string, string>;
}

/** The app as production builds it, on a fresh database, without demo data or a boot-time admin. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const kind = testDbKind();
  const database = await openTestDatabase(kind);
  // The app's own clock, also the one test code reads and moves (`clock` outside requests) until close.
  const clock = createClock();
  const app = await buildApp({ config: testConfig(opts.env), database, logger: false, onRoute: opts.onRoute, clock });
  // Until the app closes, however it is closed (a test may close the app and the database on its own).
  const leaveClock = useAmbientClock(clock);
  app.addHook('onClose', async () => leaveClock());
  let closed = false;
  return {
    app,
    db: database.db,
    database,
    kind,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await database.close();
    },
  };
}

/**
 * The app built on no database at all, for what needs only the route table (registration never
 * queries). Any request that reaches the database fails.
 */
export async function buildAppWithoutDatabase(opts: { onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const noDatabase = { db: undefined, kind: testDbKind(), close: async () => {} } as unknown as Database;
  return buildApp({ config: testConfig(), database: noDatabase, logger: false, onRoute: opts.onRoute });
}

/**
 * One app and database for the test file: created before its tests, closed after. The returned
 * object is filled in `beforeAll`, so read its fields inside tests. Tests skip when the file's
 * database kind is unavailable.
 */
export function useTestApp(opts: TestAppOptions = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    if (!testDatabaseAvailable()) return;
    Object.assign(holder, await createTestApp(opts));
  });
  beforeEach((ctx) => {
    if (!testDatabaseAvailable()) ctx.skip();
  });
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

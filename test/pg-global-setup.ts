import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPostgres } from '../server/db/client.js';
import { seedReferenceData } from '../server/db/setup.js';
import { trainAndStoreModel } from '../server/modules/suggest/service.js';
import { findPgBin, startCluster } from './pg-cluster.js';
import type { PgClusterInfo } from './provided.js';

/**
 * The `postgres` project's database server: a throwaway cluster (test/pg-cluster.ts) with one
 * template database migrated and seeded; each test file copies it. Without PostgreSQL binaries the
 * project's tests skip, unless JINQIAO_REQUIRE_PG=1.
 */
const TEMPLATE = 'jq_template';

export default async function setup(project: TestProject) {
  const bin = findPgBin();
  if (!bin) {
    const message = 'PostgreSQL binaries (initdb, pg_ctl, postgres) not found: set PG_BIN or install PostgreSQL.';
    if (process.env.JINQIAO_REQUIRE_PG === '1') throw new Error(`${message} JINQIAO_REQUIRE_PG=1, so the postgres project fails.`);
    console.warn(`\n⚠️  ${message}\n⚠️  The "postgres" project's tests are SKIPPED (set JINQIAO_REQUIRE_PG=1 to make this an error).\n`);
    project.provide('pg', null);
    return;
  }
  const cluster = await startCluster(bin, ['max_connections=200']);
  try {
    const info: PgClusterInfo = { host: '127.0.0.1', port: cluster.port, user: 'postgres', template: TEMPLATE };
    const admin = new pg.Client({ host: info.host, port: info.port, user: info.user, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    await admin.end();
    const database = await openPostgres(`postgresql://${info.user}@${info.host}:${info.port}/${TEMPLATE}`, 2);
    try {
      await migrateDatabase(database);
      await seedReferenceData(database.db);
      // Every file's database starts with the suggestion model (suggest, matching): training it takes seconds.
      await trainAndStoreModel({ db: database.db });
    } finally {
      await database.close();
    }
    project.provide('pg', info);
  } catch (err) {
    cluster.stop();
    throw err;
  }
  return cluster.stop;
}

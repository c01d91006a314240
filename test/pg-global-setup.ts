import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPostgres } from '../server/db/client.js';
import { seedReferenceData } from '../server/db/setup.js';
import type { PgClusterInfo } from './provided.js';

/**
 * A throwaway PostgreSQL cluster for the `postgres` project: a temp directory, a free port, the unix
 * socket inside the directory, fsync off. One template database is migrated and seeded; each test
 * file copies it. Without PostgreSQL binaries the project's tests skip, unless JINQIAO_REQUIRE_PG=1.
 */
const TEMPLATE = 'jq_template';

function findPgBin(): string | null {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b)));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const bin = findPgBin();
  if (!bin) {
    const message = 'PostgreSQL binaries (initdb, pg_ctl, postgres) not found: set PG_BIN or install PostgreSQL.';
    if (process.env.JINQIAO_REQUIRE_PG === '1') throw new Error(`${message} JINQIAO_REQUIRE_PG=1, so the postgres project fails.`);
    console.warn(`\n⚠️  ${message}\n⚠️  The "postgres" project's tests are SKIPPED (set JINQIAO_REQUIRE_PG=1 to make this an error).\n`);
    project.provide('pg', null);
    return;
  }

  // initdb refuses to run as root: run the server binaries as the postgres OS user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });

  const dir = mkdtempSync(path.join(tmpdir(), 'jq-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch (err) {
        console.warn('could not stop the test PostgreSQL cluster:', (err as Error).message);
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--locale=C.UTF-8', '--encoding=UTF8', '-A', 'trust', '--no-sync']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    started = true;

    const info: PgClusterInfo = { host: '127.0.0.1', port, user: 'postgres', template: TEMPLATE };
    const admin = new pg.Client({ host: info.host, port, user: info.user, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    await admin.end();
    const database = await openPostgres(`postgresql://${info.user}@${info.host}:${port}/${TEMPLATE}`, 2);
    try {
      await migrateDatabase(database);
      await seedReferenceData(database.db);
    } finally {
      await database.close();
    }
    project.provide('pg', info);
  } catch (err) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    stop();
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not start the test PostgreSQL cluster: ${(err as Error).message}\n${stderr}\n${log}`);
  }
  return stop;
}

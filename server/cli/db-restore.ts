// npm run db:restore -- FILE [--force] — replaces the embedded database with a backup.
// An existing data directory is kept beside it as DATA_DIR.before-restore-<time>.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../config.js';
import { acquireDataDirLock } from '../db/lock.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const force = args.includes('--force');
if (!file || !existsSync(file)) {
  console.error('usage: npm run db:restore -- FILE.tar.gz [--force]');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore / psql (see README).');
  process.exit(2);
}
const dir = path.resolve(config.dataDir);
mkdirSync(dir, { recursive: true });
const lock = acquireDataDirLock(dir);
try {
  const pgdata = path.join(dir, 'pgdata');
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
    if (!force) {
      console.error(`${pgdata} holds a database. Pass --force to replace it (the old one is kept beside it).`);
      process.exit(2);
    }
    const aside = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(pgdata, aside);
    console.log(`kept the previous database as ${aside}`);
  }
  const blob = new Blob([readFileSync(file)]);
  const pglite = await PGlite.create({ dataDir: pgdata, loadDataDir: blob, extensions: { pg_trgm } });
  const res = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  await pglite.close();
  console.log(`restored ${file} into ${pgdata} (${res.rows[0]?.n ?? 0} audit entries)`);
} finally {
  lock.release();
}

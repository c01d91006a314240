// npm run db:backup -- FILE — writes the embedded database to a gzipped tarball.
// For PostgreSQL (DATABASE_URL) use pg_dump / pg_restore instead.
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openPglite } from '../db/client.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:backup -- FILE.tar.gz');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back PostgreSQL up with pg_dump (see README).');
  process.exit(2);
}
// Opening takes the data-directory lock, so a running server makes this refuse rather than copy a moving target.
const database = await openPglite(config.dataDir);
try {
  const dump = await database.pglite!.dumpDataDir('gzip');
  const bytes = Buffer.from(await dump.arrayBuffer());
  writeFileSync(file, bytes);
  console.log(`backed up ${config.dataDir} to ${file} (${(bytes.length / 1024 / 1024).toFixed(1)} MiB)`);
} finally {
  await database.close();
}

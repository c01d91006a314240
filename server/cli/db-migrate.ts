// npm run db:migrate — applies committed migrations and reference data, then exits.
import { loadConfig } from '../config.js';
import { migrateDatabase, openDatabase } from '../db/client.js';
import { seedRegions } from '../db/seed/regions.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateDatabase(database);
  const regions = await seedRegions(database.db);
  console.log(`migrated ${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}; ${regions} regions`);
} finally {
  await database.close();
}

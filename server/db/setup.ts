import type { Config } from '../config.js';
import { migrateDatabase, type Database } from './client.js';
import { ensureFirstAdmin } from './seed/admin.js';
import { seedDemo } from './seed/demo.js';
import { seedRegions } from './seed/regions.js';

/** What every start does before serving: migrate, refresh reference data, create the first admin, demo data. */
export async function prepareDatabase(database: Database, config: Pick<Config, 'demo' | 'admin'>) {
  await migrateDatabase(database);
  await seedRegions(database.db);
  const adminCreated = await ensureFirstAdmin(database.db, config.admin);
  const demoSeeded = config.demo ? await seedDemo(database.db) : false;
  return { adminCreated, demoSeeded };
}

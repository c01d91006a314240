import type { Config } from '../config.js';
import { migrateDatabase, type Database } from './client.js';
import { ensureFirstAdmin } from './seed/admin.js';
import { seedDemo } from './seed/demo.js';
import { seedFields } from './seed/fields.js';
import { seedRegions } from './seed/regions.js';
import { sealSecret } from '../modules/challenges/secret.js';
import { seedExportCatalogues } from '../modules/export-control/catalogue.js';

/** Reference data every database needs: the region tree, the technical-field taxonomy, the export-control catalogue's seeded subset. */
export async function seedReferenceData(db: Database['db']) {
  await seedRegions(db);
  await seedFields(db);
  await seedExportCatalogues(db);
}

/** What every start does before serving: migrate, refresh reference data, create the first admin, demo data. */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'demo' | 'admin'> & Partial<Pick<Config, 'env' | 'dataDir' | 'challengeSealSecret'>>,
) {
  await migrateDatabase(database);
  await seedReferenceData(database.db);
  const adminCreated = await ensureFirstAdmin(database.db, config.admin);
  // Demo challenges seal their proposals under the server's own secret (challenges/secret.ts).
  const demoSeeded = config.demo
    ? await seedDemo(database.db, {
        challengeSealSecret:
          config.env && config.dataDir
            ? sealSecret({ env: config.env, dataDir: config.dataDir, challengeSealSecret: config.challengeSealSecret })
            : undefined,
      })
    : false;
  return { adminCreated, demoSeeded };
}

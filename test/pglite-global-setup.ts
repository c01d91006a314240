import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPglite } from '../server/db/client.js';
import { seedReferenceData } from '../server/db/setup.js';
import { trainAndStoreModel } from '../server/modules/suggest/service.js';
import './provided.js';

/**
 * Migrating a fresh PGlite costs ~2.5 s (most of it initdb); loading a dumped data directory costs
 * ~0.5 s. So the run migrates and seeds once, dumps the data directory, and each test file loads it.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jq-pglite-'));
  const database = await openPglite('memory://');
  try {
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    // Every file's database starts with the suggestion model (suggest, matching): training it takes seconds.
    await trainAndStoreModel({ db: database.db });
    const dump = await database.pglite!.dumpDataDir('gzip');
    const file = path.join(dir, 'migrated.tar.gz');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteSnapshot', file);
  } finally {
    await database.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

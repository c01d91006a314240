// npm run suggest:train — retrains the field/keyword suggestion model on the shipped CSL papers plus
// every published achievement, and stores it; running servers pick it up within five minutes.
import { loadConfig } from '../config.js';
import { migrateDatabase, openDatabase } from '../db/client.js';
import { trainAndStoreModel } from '../modules/suggest/service.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateDatabase(database);
  const r = await trainAndStoreModel({ db: database.db });
  console.log(`trained model ${r.id} on ${r.records} records (${r.fields} fields) in ${r.trainMs} ms`);
} finally {
  await database.close();
}

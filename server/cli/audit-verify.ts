// npm run audit:verify — walks the audit hash chain; exit code 1 names the first broken row.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from '../lib/audit.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let code = 0;
try {
  const result = await verifyAuditChain(database.db);
  if (result.broken) {
    const what = result.broken.reason === 'edited' ? 'was edited' : 'follows a deleted or out-of-order row';
    console.error(`audit chain BROKEN at seq ${result.broken.seq}: the row ${what} (checked ${result.rows} rows)`);
    code = 1;
  } else {
    console.log(`audit chain intact: ${result.rows} rows`);
  }
} finally {
  await database.close();
}
process.exit(code);

// npm run audit:verify [-- --checkpoint FILE [--public-key FILE]] — walks the audit hash chain, then
// checks it against the latest signed checkpoint (default: the data directory's checkpoint file):
// exit code 1 names the first broken row, rows deleted from the end, or a chain re-hashed since.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from '../lib/audit.js';
import { CHECKPOINT_FILE, checkAgainstCheckpoint, readCheckpoints } from '../lib/audit-checkpoints.js';

const { values } = parseArgs({ options: { checkpoint: { type: 'string' }, 'public-key': { type: 'string' } } });
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
  const file = values.checkpoint ?? path.join(config.dataDir, CHECKPOINT_FILE);
  const latest = readCheckpoints(file).at(-1);
  if (!latest) {
    console.log(values.checkpoint ? `no checkpoint in ${file}` : 'no checkpoint yet (give one with --checkpoint FILE)');
    if (values.checkpoint) code = 1;
  } else {
    const trusted = values['public-key'] && existsSync(values['public-key']) ? readFileSync(values['public-key'], 'utf8') : undefined;
    const finding = await checkAgainstCheckpoint(database.db, latest, trusted);
    if (!finding) console.log(`matches the checkpoint of ${latest.at}: seq ${latest.headSeq}, ${latest.rows} rows`);
    else {
      code = 1;
      if (finding.kind === 'bad_signature') console.error(`checkpoint of ${latest.at} has a BAD SIGNATURE (or another key signed it)`);
      else if (finding.kind === 'truncated')
        console.error(
          `audit log TRUNCATED: ${finding.missingRows} rows up to seq ${latest.headSeq} are gone since the checkpoint of ${latest.at} (last seq now ${finding.lastSeq})`,
        );
      else
        console.error(
          `audit log RE-HASHED: row ${finding.seq} no longer holds the hash signed at ${latest.at} — rows were rewritten and the chain recomputed`,
        );
    }
  }
} finally {
  await database.close();
}
process.exit(code);

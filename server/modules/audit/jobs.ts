import path from 'node:path';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { CHECKPOINT_FILE, loadAuditSigner, writeCheckpoint, type Checkpoint } from '../../lib/audit-checkpoints.js';
import type { Job } from '../../lib/scheduler.js';

export const checkpointFile = (config: Config): string => path.join(config.dataDir, CHECKPOINT_FILE);

/** Signs the audit chain's head into the checkpoint file (when it moved since the last one). */
export async function checkpointAuditChain(db: DbOrTx, config: Config): Promise<Checkpoint | null> {
  const signer = loadAuditSigner({ dataDir: config.dataDir, keyFile: config.auditSigningKeyFile });
  return writeCheckpoint(db, signer, checkpointFile(config));
}

/** Every ten minutes; server/main.ts writes one more on shutdown. */
export const auditCheckpointJob: Job = {
  name: 'audit.checkpoint',
  everyMs: 10 * 60_000,
  async run({ db, config }) {
    const c = await checkpointAuditChain(db, config);
    return c ? `checkpoint at seq ${c.headSeq} (${c.rows} rows)` : 'head unchanged';
  },
};

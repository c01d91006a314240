import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';

/** Secrets already read, per configuration (immutable once made; a cache, not state). */
const known = new WeakMap<SecretConfig, Buffer>();
type SecretConfig = Pick<Config, 'env' | 'dataDir' | 'challengeSealSecret'>;
/** The secret of test processes that set none (their databases die with the process). */
export const TEST_PROCESS_SECRET: Buffer = randomBytes(32);

/**
 * The server secret sealed proposals' keys are wrapped under: CHALLENGE_SEAL_SECRET, else (outside
 * tests) a random secret kept in <DATA_DIR>/challenge-seal-secret, made at first use; in tests with
 * neither, the process's random TEST_PROCESS_SECRET (the test databases die with it).
 */
export function sealSecret(config: SecretConfig): Buffer {
  const cached = known.get(config);
  if (cached) return cached;
  let secret: Buffer;
  if (config.challengeSealSecret) secret = Buffer.from(config.challengeSealSecret, 'utf8');
  else if (config.env === 'test') secret = TEST_PROCESS_SECRET;
  else {
    const file = path.resolve(config.dataDir, 'challenge-seal-secret');
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
  known.set(config, secret);
  return secret;
}

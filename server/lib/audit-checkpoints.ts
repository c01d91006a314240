import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import { canonicalJson, sha256 } from './ids.js';
import { clock } from './clock.js';

/**
 * Anchors for the audit hash chain. The chain alone cannot show that its last rows were deleted, or
 * that a row was edited and every later hash recomputed: whoever can do that can also make a new,
 * self-consistent chain. A checkpoint is the chain's head (row count, last seq, last hash) signed
 * with an Ed25519 key held OUTSIDE the database (a file in the data directory, made at first start,
 * or one the operator gives). Checkpoints are appended to a file an operator copies off the machine
 * and are served at GET /api/audit/checkpoints; `npm run audit:verify -- --checkpoint FILE` checks
 * the database against the latest one it is given and names truncation and re-hashing.
 */

export interface ChainHead {
  rows: number;
  headSeq: number;
  headHash: string;
}

export interface Checkpoint extends ChainHead {
  at: string;
  /** sha256 of the public key (SPKI DER), hex: which key signed. */
  keyId: string;
  /** The public key, SPKI PEM, so a copy of the file can be checked anywhere. */
  publicKey: string;
  /** Ed25519 over the canonical JSON of { rows, headSeq, headHash, at, keyId }, base64. */
  signature: string;
}

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';
const KEY_FILE = 'audit-signing-key.pem';

export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(head: ChainHead, at: Date): Checkpoint;
}

const signedPart = (c: Omit<Checkpoint, 'signature' | 'publicKey'>) =>
  Buffer.from(canonicalJson({ rows: c.rows, headSeq: c.headSeq, headHash: c.headHash, at: c.at, keyId: c.keyId }));

function signerFrom(privateKey: KeyObject): AuditSigner {
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyId = sha256(publicKey.export({ type: 'spki', format: 'der' }).toString('hex'));
  return {
    keyId,
    publicKeyPem,
    sign(head, at) {
      const body = { ...head, at: at.toISOString(), keyId };
      return { ...body, publicKey: publicKeyPem, signature: sign(null, signedPart(body), privateKey).toString('base64') };
    },
  };
}

/** The signing key: `keyFile` when given, else `<dataDir>/audit-signing-key.pem`, generated (mode 0600) at first use. */
export function loadAuditSigner(opts: { dataDir: string; keyFile?: string }): AuditSigner {
  const file = opts.keyFile ?? path.join(opts.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    if (opts.keyFile) throw new Error(`AUDIT_SIGNING_KEY_FILE ${file} does not exist`);
    mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return signerFrom(createPrivateKey(readFileSync(file)));
}

export async function readChainHead(db: DbOrTx): Promise<ChainHead> {
  const [row] = await queryRows<{ rows: string | number; seq: string | number | null; hash: string | null }>(
    db,
    sql`SELECT (SELECT count(*) FROM audit_log) AS rows, h.seq, h.hash FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) h ON true`,
  );
  return { rows: Number(row?.rows ?? 0), headSeq: Number(row?.seq ?? 0), headHash: row?.hash ?? '0'.repeat(64) };
}

export function readCheckpoints(file: string): Checkpoint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Checkpoint);
}

/**
 * Signs the current head and appends it to the file, unless the head is the one last written.
 * Returns the checkpoint written, or null when nothing changed.
 */
export async function writeCheckpoint(db: DbOrTx, signer: AuditSigner, file: string): Promise<Checkpoint | null> {
  const head = await readChainHead(db);
  const last = readCheckpoints(file).at(-1);
  if (last && last.headSeq === head.headSeq && last.headHash === head.headHash && last.keyId === signer.keyId) return null;
  const checkpoint = signer.sign(head, clock.now());
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(checkpoint) + '\n');
  return checkpoint;
}

export function checkpointSignatureValid(c: Checkpoint, trustedPublicKeyPem?: string): boolean {
  try {
    const pem = trustedPublicKeyPem ?? c.publicKey;
    const key = createPublicKey(pem);
    if (sha256(key.export({ type: 'spki', format: 'der' }).toString('hex')) !== c.keyId) return false;
    return verify(null, signedPart(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export type CheckpointFinding =
  { kind: 'bad_signature' } | { kind: 'truncated'; missingRows: number; lastSeq: number } | { kind: 'rewritten'; seq: number };

/**
 * Compares the database with a checkpoint: the row the checkpoint named must still hold the hash
 * it signed, and every row up to it must still be there. Rows added since are the chain walk's job.
 */
export async function checkAgainstCheckpoint(db: DbOrTx, c: Checkpoint, trustedPublicKeyPem?: string): Promise<CheckpointFinding | null> {
  if (!checkpointSignatureValid(c, trustedPublicKeyPem)) return { kind: 'bad_signature' };
  const [row] = await queryRows<{ upto: string | number; hash: string | null; last: string | number | null }>(
    db,
    sql`SELECT (SELECT count(*) FROM audit_log WHERE seq <= ${c.headSeq}) AS upto,
               (SELECT hash FROM audit_log WHERE seq = ${c.headSeq}) AS hash,
               (SELECT max(seq) FROM audit_log) AS last`,
  );
  const upto = Number(row?.upto ?? 0);
  if (upto < c.rows) return { kind: 'truncated', missingRows: c.rows - upto, lastSeq: Number(row?.last ?? 0) };
  if (c.rows > 0 && row?.hash !== c.headHash) return { kind: 'rewritten', seq: c.headSeq };
  return null;
}

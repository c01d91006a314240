/**
 * Sealed proposals (密封挑战报告). Nobody — sponsor, staff, experts, platform admins — can read a
 * proposal before the submission deadline; the submitting organisation can read its own.
 *
 * - At publication each challenge gets an RSA key pair. The public key is stored plainly (anyone may
 *   seal to it); the private key — the per-challenge key — is stored wrapped with AES-256-GCM under a
 *   key derived (HKDF-SHA256) from the server secret and the challenge id, and `unwrapChallengeKey`
 *   refuses to unwrap it before the deadline on the injected clock.
 * - Each proposal is encrypted with AES-256-GCM under a fresh content key (the proposal id is the
 *   associated data, so ciphertexts cannot be swapped between rows). The content key is stored twice:
 *   encrypted to the challenge's public key (RSA-OAEP-SHA256: opened only with the unwrapped private
 *   key, i.e. after the deadline) and wrapped under a key derived from the server secret and the
 *   submitting organisation (opened only for that organisation's members, checked by the service).
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  hkdfSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

const SALT = 'jinqiao/challenges/seal/v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedError extends Error {
  constructor(deadline: Date) {
    super(`sealed until ${deadline.toISOString()}`);
    this.name = 'SealedError';
  }
}

function derivedKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));
}

/** AES-256-GCM: iv ‖ tag ‖ ciphertext. */
export function aesSeal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function aesOpen(key: Buffer, packed: Buffer, aad: string): Buffer {
  const iv = packed.subarray(0, IV_BYTES);
  const tag = packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export interface ChallengeKeys {
  publicKeyPem: string;
  wrappedPrivateKey: Buffer;
}

export function createChallengeKeys(secret: Buffer, challengeId: string): ChallengeKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return {
    publicKeyPem: publicKey,
    wrappedPrivateKey: aesSeal(derivedKey(secret, `challenge:${challengeId}`), privateKey, challengeId),
  };
}

/** The challenge's private key, once `now` has reached the deadline; SealedError before. */
export function unwrapChallengeKey(opts: {
  secret: Buffer;
  challengeId: string;
  wrappedPrivateKey: Buffer;
  deadline: Date;
  now: Date;
}): KeyObject {
  if (opts.now.getTime() < opts.deadline.getTime()) throw new SealedError(opts.deadline);
  const der = aesOpen(derivedKey(opts.secret, `challenge:${opts.challengeId}`), opts.wrappedPrivateKey, opts.challengeId);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export interface SealedContent {
  ciphertext: Buffer;
  keyForChallenge: Buffer;
  keyForSubmitter: Buffer;
  /** SHA-256 of the plaintext (hex): the submitter's receipt. */
  digest: string;
}

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

export function sealProposal(opts: {
  secret: Buffer;
  publicKeyPem: string;
  proposalId: string;
  organizationId: string;
  plaintext: Buffer;
}): SealedContent {
  const contentKey = randomBytes(32);
  return {
    ciphertext: aesSeal(contentKey, opts.plaintext, opts.proposalId),
    keyForChallenge: publicEncrypt({ key: opts.publicKeyPem, ...OAEP }, contentKey),
    keyForSubmitter: aesSeal(derivedKey(opts.secret, `submitter:${opts.organizationId}`), contentKey, opts.proposalId),
    digest: createHash('sha256').update(opts.plaintext).digest('hex'),
  };
}

/** Opens a proposal with the challenge's (unwrapped, hence past-deadline) private key. */
export function openWithChallengeKey(privateKey: KeyObject, p: { id: string; ciphertext: Buffer; keyForChallenge: Buffer }): Buffer {
  const contentKey = privateDecrypt({ key: privateKey, ...OAEP }, p.keyForChallenge);
  return aesOpen(contentKey, p.ciphertext, p.id);
}

/** Opens a proposal for its submitting organisation (the caller has checked membership). */
export function openForSubmitter(
  secret: Buffer,
  p: { id: string; organizationId: string; ciphertext: Buffer; keyForSubmitter: Buffer },
): Buffer {
  const contentKey = aesOpen(derivedKey(secret, `submitter:${p.organizationId}`), p.keyForSubmitter, p.id);
  return aesOpen(contentKey, p.ciphertext, p.id);
}

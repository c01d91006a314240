import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChallengeKeys, openForSubmitter, openWithChallengeKey, sealProposal, SealedError, unwrapChallengeKey } from './seal.js';

const secret = randomBytes(32);
const challengeId = '7f1c1b3e-2d4a-4c55-9a0e-0a1b2c3d4e5f';
const deadline = new Date('2027-05-01T16:00:00Z');
const plaintext = Buffer.from(JSON.stringify({ title: '密封的挑战方案', report: '核心技术路线：原位包覆……' }), 'utf8');

function sealed() {
  const keys = createChallengeKeys(secret, challengeId);
  const p = sealProposal({ secret, publicKeyPem: keys.publicKeyPem, proposalId: 'p-1', organizationId: 'org-1', plaintext });
  return { keys, p, row: { id: 'p-1', organizationId: 'org-1', ...p } };
}

describe('sealed proposals', () => {
  it('stores neither the plaintext nor any of its text', () => {
    const { keys, p } = sealed();
    for (const stored of [p.ciphertext, p.keyForChallenge, p.keyForSubmitter, keys.wrappedPrivateKey]) {
      expect(stored.includes(plaintext)).toBe(false);
      expect(stored.includes(Buffer.from('密封的挑战方案', 'utf8'))).toBe(false);
    }
    expect(keys.wrappedPrivateKey.toString('latin1')).not.toContain('PRIVATE KEY');
  });

  it('unwraps the challenge key only once the clock reaches the deadline', () => {
    const { keys, row } = sealed();
    const open = (now: Date) => unwrapChallengeKey({ secret, challengeId, wrappedPrivateKey: keys.wrappedPrivateKey, deadline, now });
    expect(() => open(new Date(deadline.getTime() - 1))).toThrow(SealedError);
    expect(openWithChallengeKey(open(deadline), row).equals(plaintext)).toBe(true);
  });

  it('lets the submitting organisation open its own before the deadline, nobody else', () => {
    const { row } = sealed();
    expect(openForSubmitter(secret, row).equals(plaintext)).toBe(true);
    expect(() => openForSubmitter(secret, { ...row, organizationId: 'org-2' })).toThrow();
  });

  it('refuses a wrong secret, another challenge id or a ciphertext moved to another proposal', () => {
    const { keys, row } = sealed();
    const after = new Date(deadline.getTime() + 1);
    expect(() =>
      unwrapChallengeKey({ secret: randomBytes(32), challengeId, wrappedPrivateKey: keys.wrappedPrivateKey, deadline, now: after }),
    ).toThrow();
    expect(() =>
      unwrapChallengeKey({ secret, challengeId: 'another', wrappedPrivateKey: keys.wrappedPrivateKey, deadline, now: after }),
    ).toThrow();
    const key = unwrapChallengeKey({ secret, challengeId, wrappedPrivateKey: keys.wrappedPrivateKey, deadline, now: after });
    expect(() => openWithChallengeKey(key, { ...row, id: 'p-2' })).toThrow();
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialSealError, CredentialSealer } from './credential-sealer.js';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe('CredentialSealer', () => {
  it('round-trips and never shows the plaintext in the sealed value', () => {
    const sealer = new CredentialSealer({ currentKeyId: 'k1', keys: new Map([['k1', oldKey]]) });
    const sealed = sealer.seal('tok-secret-123', 't/c');
    expect(sealed.keyId).toBe('k1');
    expect(JSON.stringify(sealed)).not.toContain('tok-secret-123');
    expect(sealer.open(sealed, 't/c')).toBe('tok-secret-123');
  });

  it('seals with the current key and still opens values sealed with an older key of the ring', () => {
    const before = new CredentialSealer({ currentKeyId: 'k1', keys: new Map([['k1', oldKey]]) });
    const after = new CredentialSealer({ currentKeyId: 'k2', keys: new Map([['k2', newKey], ['k1', oldKey]]) });
    const old = before.seal('a', 'x');
    expect(after.open(old, 'x')).toBe('a');
    expect(after.seal('b', 'x').keyId).toBe('k2');
  });

  it('refuses a wrong aad, a tampered blob and an unknown key id without echoing the secret', () => {
    const sealer = new CredentialSealer({ currentKeyId: 'k1', keys: new Map([['k1', oldKey]]) });
    const sealed = sealer.seal('tok-secret-123', 't/c');
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const attempts = [
      () => sealer.open(sealed, 't/other'),
      () => sealer.open({ ...sealed, ciphertext: flipped.toString('base64') }, 't/c'),
      () => sealer.open({ ...sealed, keyId: 'gone' }, 't/c'),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(CredentialSealError);
      try {
        attempt();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain('tok-secret-123');
      }
    }
    expect(attempts[2]).toThrow(/key 'gone'.*not in the key ring/);
  });

  it('rejects keys of the wrong length and a current key missing from the ring', () => {
    expect(() => new CredentialSealer({ currentKeyId: 'k1', keys: new Map([['k1', randomBytes(16)]]) })).toThrow(/32 bytes/);
    expect(() => new CredentialSealer({ currentKeyId: 'k9', keys: new Map([['k1', oldKey]]) })).toThrow(/not in the key ring/);
  });
});

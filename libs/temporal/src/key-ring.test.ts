import { randomBytes } from 'node:crypto';
import { Secret } from '@jira-sync/contracts';
import { describe, expect, it } from 'vitest';
import { encryptionFor, DEVELOPMENT_KEY_RING } from './key-ring.js';

const own = new Secret(`prod-1:${randomBytes(32).toString('base64')}`);

describe('encryptionFor', () => {
  it('fails closed outside development: a key ring of the operator’s own is required', () => {
    expect(() => encryptionFor({ development: false, keyRing: undefined })).toThrow('is required unless NODE_ENV=development');
    expect(() => encryptionFor({ development: false, keyRing: new Secret(DEVELOPMENT_KEY_RING) })).toThrow('public development key');
  });

  it('refuses unencrypted payloads outside development and accepts them in development only', () => {
    const production = encryptionFor({ development: false, keyRing: own });
    expect(production.currentKeyId).toBe('prod-1');
    expect(production.acceptUnencrypted).toBe(false);
    const development = encryptionFor({ development: true, keyRing: undefined });
    expect(development.currentKeyId).toBe('dev-only');
    expect(development.acceptUnencrypted).toBe(true);
  });
});

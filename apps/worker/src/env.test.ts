import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from './env.js';

const keys = `k1:${randomBytes(32).toString('base64')}`;

describe('loadWorkerEnv', () => {
  it('runs against the local stack with the development key ring when development is asked for', () => {
    const env = loadWorkerEnv({ NODE_ENV: 'development' });
    expect(env.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(env.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(env.encryption.currentKeyId).toBe('dev-only');
    expect(env.encryption.acceptUnencrypted).toBe(true);
  });

  it('fails closed with NODE_ENV unset, naming the variable', () => {
    expect(() => loadWorkerEnv({})).toThrow('JIRA_SYNC_ENCRYPTION_KEYS: is required unless NODE_ENV=development');
    expect(loadWorkerEnv({ JIRA_SYNC_ENCRYPTION_KEYS: keys }).encryption.acceptUnencrypted).toBe(false);
  });

  it('refuses to start in production without an encryption key ring, and never prints the key ring', () => {
    expect(() => loadWorkerEnv({ NODE_ENV: 'production' })).toThrow('JIRA_SYNC_ENCRYPTION_KEYS: is required unless NODE_ENV=development');
    expect(JSON.stringify(loadWorkerEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys }))).not.toContain(keys.slice(3));
  });

  it('explains a malformed value instead of failing later', () => {
    expect(() => loadWorkerEnv({ NODE_ENV: 'development', LOG_LEVEL: 'loud' })).toThrow(/worker configuration is invalid:\n {2}LOG_LEVEL:/);
  });
});

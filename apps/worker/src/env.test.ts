import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from './env.js';

describe('loadWorkerEnv', () => {
  it('runs with no configuration against the local stack', () => {
    const env = loadWorkerEnv({});
    expect(env.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(env.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(env.encryption.currentKeyId).toBe('dev-only');
  });

  it('refuses to start in production without an encryption key ring, naming the variable', () => {
    expect(() => loadWorkerEnv({ NODE_ENV: 'production' })).toThrow('JIRA_SYNC_ENCRYPTION_KEYS: is required in production');
  });

  it('explains a malformed value instead of failing later', () => {
    expect(() => loadWorkerEnv({ LOG_LEVEL: 'loud' })).toThrow(/worker configuration is invalid:\n {2}LOG_LEVEL:/);
  });
});

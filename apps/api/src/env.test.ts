import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_KEY_RING } from '@jira-sync/temporal';
import { describe, expect, it } from 'vitest';
import { loadApiEnv } from './env.js';

const keys = `k1:${randomBytes(32).toString('base64')}`;

describe('loadApiEnv', () => {
  it('serves the codec endpoint for the local Temporal UI when development is asked for', () => {
    const env = loadApiEnv({ NODE_ENV: 'development' });
    expect(env.codecEndpoint).toBe(true);
    expect(env.encryption.acceptUnencrypted).toBe(true);
  });

  it('fails closed with NODE_ENV unset: no public key ring, no codec endpoint, no unencrypted payloads', () => {
    expect(() => loadApiEnv({})).toThrow('JIRA_SYNC_ENCRYPTION_KEYS: is required unless NODE_ENV=development');
    const env = loadApiEnv({ JIRA_SYNC_ENCRYPTION_KEYS: keys });
    expect(env.NODE_ENV).toBe('production');
    expect(env.codecEndpoint).toBe(false);
    expect(env.encryption.acceptUnencrypted).toBe(false);
  });

  it('keeps the decrypting codec endpoint off in production unless an operator turns it on', () => {
    expect(loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys }).codecEndpoint).toBe(false);
    expect(loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys, CODEC_ENDPOINT: 'on' }).codecEndpoint).toBe(true);
  });

  it('keeps the codec endpoint behind a token outside development', () => {
    expect(loadApiEnv({ NODE_ENV: 'development' }).codecRequireToken).toBe(false);
    expect(loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys }).codecRequireToken).toBe(true);
    expect(loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys }).codecEncode).toBe(false);
    expect(() => loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys, CODEC_REQUIRE_TOKEN: 'off' })).toThrow('CODEC_REQUIRE_TOKEN');
    expect(() => loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys, JIRA_ALLOW_INSECURE_LOOPBACK: 'true' })).toThrow('JIRA_ALLOW_INSECURE_LOOPBACK');
    expect(() => loadApiEnv({ NODE_ENV: 'development', API_ADMIN_KEY: 'short' })).toThrow('API_ADMIN_KEY');
  });

  it('refuses production without a key ring of its own, and never prints the key ring', () => {
    expect(() => loadApiEnv({ NODE_ENV: 'production' })).toThrow('JIRA_SYNC_ENCRYPTION_KEYS: is required unless NODE_ENV=development');
    expect(() => loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: DEVELOPMENT_KEY_RING })).toThrow('public development key');
    const env = loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys });
    expect(JSON.stringify(env)).not.toContain(keys.slice(3));
  });
});

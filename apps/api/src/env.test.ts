import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadApiEnv } from './env.js';

const keys = `k1:${randomBytes(32).toString('base64')}`;

describe('loadApiEnv', () => {
  it('serves the codec endpoint for the local Temporal UI by default outside production', () => {
    expect(loadApiEnv({}).codecEndpoint).toBe(true);
  });

  it('keeps the decrypting codec endpoint off in production unless an operator turns it on', () => {
    expect(loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys }).codecEndpoint).toBe(false);
    expect(loadApiEnv({ NODE_ENV: 'production', JIRA_SYNC_ENCRYPTION_KEYS: keys, CODEC_ENDPOINT: 'on' }).codecEndpoint).toBe(true);
  });

  it('refuses production without an encryption key ring', () => {
    expect(() => loadApiEnv({ NODE_ENV: 'production' })).toThrow('JIRA_SYNC_ENCRYPTION_KEYS: is required in production');
  });
});

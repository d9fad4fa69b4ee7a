import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { ConnectorExistsError, ConnectorNotFoundError } from './connector-errors.js';
import { ConnectorRepository } from './connector.repository.js';
import { connectTestStore, dropTestStore, testSealer } from './test-db.test-support.js';

let store: StoreConnection;
let connectors: ConnectorRepository;

beforeAll(async () => {
  store = await connectTestStore('connectors');
  connectors = new ConnectorRepository(store.db, testSealer());
  await connectors.ensureIndexes();
});

afterAll(() => dropTestStore(store));

const apiToken = { method: 'api_token' as const, email: 'ops@example.com', apiToken: 'ATATT-plaintext-token-42' };

describe('ConnectorRepository', () => {
  it('stores a validated config with defaults and reads credentials back as a Secret', async () => {
    const config = await connectors.create({ tenantId: 'acme', connectorId: 'main', siteUrl: 'https://acme.atlassian.net', authMethod: 'api_token' }, apiToken);
    expect(config.attachmentMaxBytes).toBe(25 * 1024 * 1024);
    expect(await connectors.get('acme', 'main')).toEqual(config);
    const secret = await connectors.getCredentials('acme', 'main');
    expect(JSON.stringify(secret)).not.toContain('ATATT');
    expect(secret?.reveal()).toEqual(apiToken);
  });

  it('keeps no plaintext credential in the stored document', async () => {
    const raw = await store.db.collection('connectors').findOne({ tenantId: 'acme', connectorId: 'main' });
    const text = JSON.stringify(raw);
    expect(text).not.toContain('ATATT-plaintext-token-42');
    expect(text).not.toContain('ops@example.com');
    expect(raw?.['credentials']).toMatchObject({ keyId: 'test' });
  });

  it('rejects a duplicate and an invalid config', async () => {
    const input = { tenantId: 'acme', connectorId: 'main', siteUrl: 'https://acme.atlassian.net', authMethod: 'api_token' as const };
    await expect(connectors.create(input, apiToken)).rejects.toBeInstanceOf(ConnectorExistsError);
    await expect(connectors.create({ ...input, connectorId: 'Bad Id' }, apiToken)).rejects.toThrow(/lower-case/);
  });

  it('updates, lists and deletes', async () => {
    await connectors.create({ tenantId: 'acme', connectorId: 'second', siteUrl: 'https://b.atlassian.net', authMethod: 'api_token' }, apiToken);
    const updated = await connectors.updateConfig('acme', 'second', { projectConcurrency: 4 });
    expect(updated.projectConcurrency).toBe(4);
    expect((await connectors.get('acme', 'second'))?.projectConcurrency).toBe(4);
    expect((await connectors.list('acme')).map((c) => c.connectorId)).toEqual(['main', 'second']);
    expect(await connectors.list('other')).toEqual([]);
    expect(await connectors.delete('acme', 'second')).toBe(true);
    expect(await connectors.get('acme', 'second')).toBeNull();
    expect(await connectors.getCredentials('acme', 'second')).toBeNull();
    await expect(connectors.updateConfig('acme', 'second', { name: 'x' })).rejects.toBeInstanceOf(ConnectorNotFoundError);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { ConnectorRepository } from './connector.repository.js';
import { MongoTokenStore, NoOAuthCredentialsError, type OAuthTokenSet } from './mongo-token-store.js';
import { connectTestStore, dropTestStore, testSealer } from './test-db.test-support.js';

/** Stands in for jira-client's TokenStoreConflictError (a type:io lib cannot import another). */
class ConflictError extends Error {}

let store: StoreConnection;
let connectors: ConnectorRepository;
let tokens: MongoTokenStore;

const oauth = {
  method: 'oauth' as const,
  clientId: 'client',
  clientSecret: 'client-secret',
  accessToken: 'at0',
  refreshToken: 'rt0',
  expiresAt: 1_000,
  scope: 'read:jira-work offline_access',
  cloudId: 'cloud-1',
};

beforeAll(async () => {
  store = await connectTestStore('tokens');
  connectors = new ConnectorRepository(store.db, testSealer());
  await connectors.ensureIndexes();
  tokens = new MongoTokenStore(connectors, { conflictError: (id) => new ConflictError(id) });
  const base = { tenantId: 'acme', siteUrl: 'https://acme.atlassian.net' };
  await connectors.create({ ...base, connectorId: 'oauth', authMethod: 'oauth' }, oauth);
  await connectors.create({ ...base, connectorId: 'token', authMethod: 'api_token' }, { method: 'api_token', email: 'a@example.com', apiToken: 'x' });
});

afterAll(() => dropTestStore(store));

function pair(n: number): OAuthTokenSet {
  return { accessToken: `at${n}`, refreshToken: `rt${n}`, expiresAt: 1_000 + n, scopes: ['read:jira-work', 'offline_access'] };
}

describe('MongoTokenStore', () => {
  it('loads the token set kept in the sealed connector credentials', async () => {
    expect(await tokens.load('acme/oauth')).toEqual(pair(0));
    expect(await tokens.load('acme/token')).toBeUndefined();
    expect(await tokens.load('acme/missing')).toBeUndefined();
  });

  it('lets exactly one of two concurrent refreshes from the same pair win, and keeps the winner', async () => {
    const previous = pair(0);
    const results = await Promise.allSettled([tokens.save('acme/oauth', pair(1), previous), tokens.save('acme/oauth', pair(2), previous)]);
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConflictError);
    expect(await tokens.load('acme/oauth')).toEqual(pair(won[0] ?? -1));
    const credentials = (await connectors.getCredentials('acme', 'oauth'))?.reveal();
    expect(credentials).toMatchObject({ clientSecret: 'client-secret', cloudId: 'cloud-1', refreshToken: `rt${won[0]}` });
  });

  it('refuses a save from a stale pair, accepts an unconditional save, and rejects non-OAuth connectors', async () => {
    await expect(tokens.save('acme/oauth', pair(9), pair(0))).rejects.toBeInstanceOf(ConflictError);
    await tokens.save('acme/oauth', pair(5));
    expect(await tokens.load('acme/oauth')).toEqual(pair(5));
    await tokens.save('acme/oauth', pair(6), pair(5));
    expect(await tokens.load('acme/oauth')).toEqual(pair(6));
    const current = await connectors.getSealedCredentials('acme', 'oauth');
    expect(await connectors.replaceCredentialsIf('acme', 'oauth', oauth, (current?.version ?? 0) - 1)).toBe(false);
    expect(await tokens.load('acme/oauth')).toEqual(pair(6));
    await expect(tokens.save('acme/token', pair(1))).rejects.toBeInstanceOf(NoOAuthCredentialsError);
    expect(JSON.stringify(await store.db.collection('connectors').findOne({ connectorId: 'oauth' }))).not.toContain('rt6');
  });
});

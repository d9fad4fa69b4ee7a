import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';
import { startSyncApps, type SyncApps } from './testing/sync-apps.test-support.js';

let sim: JiraSimulator;
let api: ApiHarness;
let apps: SyncApps;
let key: string;
const connectorId = 'acme-oauth';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 240_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(500);
  }
}

beforeAll(async () => {
  sim = await startSimulator({ preset: 'demo', seed: 4, searchLagMs: 0 });
  api = await startApiHarness({ oauth: { authBaseUrl: sim.authUrl, apiGatewayUrl: sim.apiGatewayUrl } });
  apps = startSyncApps({
    TEMPORAL_TASK_QUEUE: api.taskQueue,
    MONGODB_DB: api.dbName,
    KAFKA_GROUP_ID: api.dbName,
    JIRA_OAUTH_AUTH_URL: sim.authUrl,
    JIRA_OAUTH_GATEWAY_URL: sim.apiGatewayUrl,
  });
  sim.control.oauth.configureClient({ redirectUris: [`${api.apiUrl}/oauth/callback`] });
  // The admin consents, for the first site only.
  sim.control.oauth.setConsent({ accountId: sim.credentials.admin.accountId, cloudIds: [sim.sites[0]!.cloudId] });
  key = (await api.caller(api.adminKey).tenants.create({ tenantId: 'oauth-sync', name: 'OAuth sync' })).apiKey.key;
}, 180_000);

afterAll(async () => {
  await apps?.stop();
  await api?.stop();
  await sim?.stop();
});

describe('an OAuth connector created and authorized through the api', () => {
  it('syncs through the gateway with the tokens the callback stored, and no token reaches a log', async () => {
    const client = api.client(key);
    const { clientId, clientSecret } = sim.credentials.oauthClient;
    await client.connectors.create.mutate({ connectorId, siteUrl: sim.sites[0]!.siteUrl, auth: { method: 'oauth', clientId, clientSecret, redirectUrl: `${api.apiUrl}/oauth/callback` } });
    const { authorizationUrl } = await client.oauth.start.mutate({ connectorId });
    const location = (await fetch(authorizationUrl, { redirect: 'manual' })).headers.get('location')!;
    expect(await (await fetch(location)).text()).toContain('Jira connected');

    const started = await client.sync.start.mutate({ connectorId, mode: 'full' });
    expect(started.mode).toBe('full');
    const status = await until('the sync to finish', async () => {
      const current = await client.sync.status.query({ connectorId });
      return current.state === 'running' ? undefined : current;
    });
    expect(status.state).toBe('completed');
    expect(status.result?.status).toBe('completed');
    // Through the gateway as the OAuth app, never on the site host with an API token.
    expect(sim.control.counters.total({ credential: clientId })).toBeGreaterThan(10);
    expect(sim.control.counters.total({ credential: sim.credentials.admin.email })).toBe(0);

    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const visible = truth.issues.filter((issue) => issue.acl.readers?.includes(adminId)).length;
    // Every issue the admin can read was synced (the index app storing them is the lifecycle test's part).
    const synced = (status.result?.projects ?? []).reduce((sum, project) => sum + project.issues, 0);
    expect(synced).toBe(visible);
    expect(status.result?.projects.every((project) => project.status === 'completed' && project.errors.length === 0)).toBe(true);
    await until('the index app to store an issue of the connector', async () => {
      const page = await client.records.list.query({ connectorId, kind: 'issue', limit: 1 });
      return page.items.length > 0 ? page : undefined;
    });

    const stored = (await api.deps.connectors.getSealedCredentials('oauth-sync', connectorId))!.credentials;
    if (stored.method !== 'oauth') throw new Error('expected OAuth credentials');
    const output = `${api.logs()}\n${apps.output()}`;
    for (const secret of [stored.accessToken, stored.refreshToken, clientSecret]) expect(output).not.toContain(secret);
  }, 400_000);
});

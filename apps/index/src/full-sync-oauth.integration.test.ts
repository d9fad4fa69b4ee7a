import type { TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import type { ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches, readableMismatches } from './ground-truth.test-support.js';
import { readableBySlice, sliceOfEvents } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

const SEARCH = '/rest/api/3/search/jql';

describe('a full sync of the small preset over OAuth 3LO through the gateway and Temporal, tokens rotating during the sync', () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let scope: ConnectorScope;
  let result: TSyncResult;
  let firstRefreshToken: string;
  let expiries = 0;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'small', seed: 3, searchLagMs: 0 });
    // The small preset's ~6,000 events would take FerretDB here longer than a test may run: the activities' events are
    // compared as published (the demo preset goes through Kafka and the index app in full-sync.integration.test.ts).
    stack = await startSyncStack({ oauth: { authBaseUrl: sim.authUrl, apiGatewayUrl: sim.apiGatewayUrl }, records: 'memory' });
    const site = sim.sites[0]!;
    const { clientId, clientSecret } = sim.credentials.oauthClient;
    // The admin consents (it may administer every project); its access tokens live 90 s, refreshed 60 s ahead.
    sim.control.oauth.setPolicy({ accessTokenTtlMs: 90_000 });
    const grant = sim.control.oauth.issueTokens({ accountId: sim.credentials.admin.accountId, cloudIds: [site.cloudId] });
    firstRefreshToken = grant.refresh_token!;
    scope = await stack.addConnector(
      'oauth',
      { siteUrl: site.siteUrl, authMethod: 'oauth' },
      { method: 'oauth', clientId, clientSecret, accessToken: grant.access_token, refreshToken: firstRefreshToken, expiresAt: Date.now() + grant.expires_in * 1000, scope: grant.scope, cloudId: site.cloudId },
    );
    // Every live access token dies twice mid-sync (after the 3rd and the 8th search page), whoever holds it.
    const searches = () => sim.control.counters.total({ path: SEARCH });
    const timer = setInterval(() => {
      if ((expiries === 0 && searches() >= 3) || (expiries === 1 && searches() >= 8)) expiries += sim.control.faults.expireAccessTokens() > 0 ? 1 : 0;
    }, 100);
    try {
      [result] = (await stack.sync([scope])) as [TSyncResult];
    } finally {
      clearInterval(timer);
    }
  }, 600_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it('completes every project through the gateway, refreshing and rotating the sealed token pair', async () => {
    expect(result.status).toBe('completed');
    expect(result.projects).toHaveLength(5);
    expect(result.projects.every((project) => project.status === 'completed' && project.closedAcls === 0 && project.errors.length === 0)).toBe(true);
    expect(expiries).toBe(2);
    // A dead token is no credential: the gateway counts its 401s under 'invalid'.
    expect(sim.control.counters.total({ credential: 'invalid' })).toBeGreaterThan(0);
    expect(sim.control.counters.total({ credential: sim.credentials.oauthClient.clientId })).toBeGreaterThan(100);
    expect(sim.control.counters.total({ credential: sim.credentials.admin.email })).toBe(0);
    const stored = (await stack.connectors.getSealedCredentials(scope.tenantId, scope.connectorId))!;
    // Version 1 is the consent; each saved rotation adds one.
    expect(stored.version).toBeGreaterThanOrEqual(3);
    expect(stored.credentials.method === 'oauth' && stored.credentials.refreshToken).not.toBe(firstRefreshToken);
    const raw = JSON.stringify(await stack.db.collection('connectors').findOne({ tenantId: scope.tenantId }));
    expect(raw).not.toContain(stored.credentials.method === 'oauth' ? stored.credentials.refreshToken : '?');
  });

  it('equals the ground truth of everything the admin can read: people, projects, roles, issues, blocks, comments and attachments', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    expect(truth.issues.length).toBeGreaterThan(900);
    expect(await groundTruthMismatches(sliceOfEvents(stack.published, stack.sink), truth, { accountId: sim.credentials.admin.accountId })).toEqual([]);
  });

  it("answers 'records this account may read' with exactly the ground truth for every active account", async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const { accounts, mismatches } = await readableMismatches(readableBySlice(sliceOfEvents(stack.published, stack.sink)), truth, sim.credentials.admin.accountId);
    expect(accounts).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  }, 300_000);
});

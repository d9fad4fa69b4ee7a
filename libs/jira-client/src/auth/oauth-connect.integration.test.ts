import { describe, expect, it } from 'vitest';
import { JiraPermissionError } from '../errors/jira-error.js';
import { JiraConfigurationError } from '../errors/jira-local-errors.js';
import { collect } from '../paginate.js';
import { connectToSim, consentAndExchange, storeWithFreshGrant, storeWithIssuedTokens } from '../test-support/oauth-sim.test-support.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';
import { InMemoryTokenStore } from './token-store.js';

const h = useJiraSimulator();

describe('OAuth 2.0 (3LO) connection against the simulator', () => {
  it('runs consent, exchanges the code, picks the configured site among several and calls the gateway', async () => {
    const { tokens, returnedState } = await consentAndExchange(h.sim, 'csrf-1');
    expect(returnedState).toBe('csrf-1');
    expect(tokens.refreshToken).not.toBe('');
    const store = new InMemoryTokenStore();
    await store.save('conn-1', tokens);
    expect(h.sim.sites.length).toBeGreaterThan(1);
    const client = await connectToSim(h, store);
    expect(client.site.cloudId).toBe(h.sim.sites[1]!.cloudId);
    expect((await client.myself()).accountId).toBe(h.sim.credentials.oauthUser.accountId);
    expect(h.sim.control.counters.total({ cloudId: h.sim.sites[1]!.cloudId })).toBeGreaterThan(0);
  });

  it('refuses a site the grant does not reach instead of guessing', async () => {
    const store = await storeWithIssuedTokens(h.sim, { cloudIds: [h.sim.sites[0]!.cloudId] });
    await expect(connectToSim(h, store)).rejects.toThrow(JiraConfigurationError);
  });

  it('names the missing scopes when the grant is too narrow', async () => {
    const store = await storeWithIssuedTokens(h.sim, { scopes: ['read:jira-work', 'offline_access'] });
    await expect(connectToSim(h, store)).rejects.toThrow(/read:jira-user.*reconnect/);
  });

  it('reports a gateway scope mismatch as a permission problem without a pointless refresh', async () => {
    const store = await storeWithIssuedTokens(h.sim, { scopes: ['read:jira-user', 'read:jira-work', 'offline_access'] });
    const before = (await store.load('conn-1'))!;
    const client = await connectToSim(h, store, { requiredScopes: ['read:jira-user', 'read:jira-work'] });
    const error = await collect(client.auditRecords()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraPermissionError);
    expect((error as Error).message).toContain('consent');
    expect((await store.load('conn-1'))!.refreshToken).toBe(before.refreshToken);
  });

  it('reads projects, searches, fetches and downloads over the gateway like over the site', async () => {
    const client = await connectToSim(h, await storeWithFreshGrant(h.sim));
    const [project] = await collect(client.projects());
    expect(project).toBeDefined();
    const ids = await collect(client.searchIssueIds({ jql: `project = "${project!.key}"` }));
    expect(ids.length).toBeGreaterThan(0);
    const { issues } = await client.bulkFetchIssues(ids, { fields: ['summary'] });
    expect(issues.map((i) => i.id).sort()).toEqual([...ids].sort());
    const added = h.sim.control.attachments.add(ids[0]!, { cloudId: client.site.cloudId, filename: 'spec.txt', size: 2048 });
    const content = await client.downloadAttachment(added.id, { maxBytes: 10_000 });
    let bytes = 0;
    for await (const chunk of content.body) bytes += chunk.byteLength;
    expect(bytes).toBe(2048);
  });

  it('registers, lists, refreshes and deletes dynamic webhooks', async () => {
    const client = await connectToSim(h, await storeWithFreshGrant(h.sim));
    const projectKey = h.sim.control.groundTruth(h.sim.sites[1]!.cloudId).projects[0]!.key;
    const [result] = await client.registerWebhooks('https://app.example.com/hooks/jira', [{ events: ['jira:issue_deleted'], jqlFilter: `project = ${projectKey}` }]);
    expect(result?.errors ?? []).toEqual([]);
    const id = result!.createdWebhookId!;
    expect((await collect(client.webhooks())).map((w) => w.id)).toContain(id);
    const expiration = await client.refreshWebhooks([id]);
    const listed = (await collect(client.webhooks())).find((w) => w.id === id);
    expect(Number.isNaN(new Date(expiration ?? Number.NaN).getTime())).toBe(false);
    expect(new Date(expiration!).getTime()).toBe(new Date(listed!.expirationDate!).getTime());
    await client.deleteWebhooks([id]);
    expect((await collect(client.webhooks())).map((w) => w.id)).not.toContain(id);
  });
});

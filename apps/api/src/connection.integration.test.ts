import { randomUUID } from 'node:crypto';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

let sim: JiraSimulator;
let api: ApiHarness;
let key: string;
const tenantId = `tenant-conn-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  sim = await startSimulator({ preset: 'small', seed: 1, searchLagMs: 0 });
  api = await startApiHarness();
  key = (await api.caller(api.adminKey).tenants.create({ tenantId, name: 'Connection' })).apiKey.key;
  const siteUrl = sim.sites[0]!.siteUrl;
  const { admin, apiUser } = sim.credentials;
  const caller = api.caller(key);
  await caller.connectors.create({ connectorId: 'admin', siteUrl, auth: { method: 'api_token', email: admin.email, apiToken: admin.apiToken } });
  await caller.connectors.create({ connectorId: 'ordinary', siteUrl, auth: { method: 'api_token', email: apiUser.email, apiToken: apiUser.apiToken } });
  await caller.connectors.create({ connectorId: 'wrong', siteUrl, auth: { method: 'api_token', email: admin.email, apiToken: 'not-the-token' } });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await sim?.stop();
});

describe('connectors.test: who we are, which site, whether the audit log is readable', () => {
  it('answers the admin account, its one site, and a readable audit log', async () => {
    const tested = await api.caller(key).connectors.test({ connectorId: 'admin' });
    expect(tested).toMatchObject({ ok: true, myself: { accountId: sim.credentials.admin.accountId }, missingScopes: [], auditLog: { readable: true } });
    expect(tested.sites).toEqual([{ url: sim.sites[0]!.siteUrl, configured: true }]);
  });

  it('says an ordinary account cannot read the audit log, and why', async () => {
    const tested = await api.caller(key).connectors.test({ connectorId: 'ordinary' });
    expect(tested).toMatchObject({ ok: true, myself: { accountId: sim.credentials.apiUser.accountId }, auditLog: { readable: false, reason: expect.stringContaining('Administer Jira') } });
  });

  it('answers refused credentials with what to do, never the token', async () => {
    const tested = await api.caller(key).connectors.test({ connectorId: 'wrong' });
    expect(tested).toMatchObject({ ok: false, problem: expect.stringContaining('API token') });
    expect(tested.myself).toBeUndefined();
    expect(JSON.stringify(tested)).not.toContain('not-the-token');
  });
});

describe('connectors.projectOptions: the filter form', () => {
  it('pages through every project the account browses, labelled "Name (KEY)"', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId);
    const seen: string[] = [];
    let cursor: number | undefined;
    do {
      const page = await api.caller(key).connectors.projectOptions({ connectorId: 'admin', limit: 2, cursor });
      for (const item of page.items) expect(item.label).toBe(`${item.name} (${item.key})`);
      seen.push(...page.items.map((item) => item.key));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen.sort()).toEqual(truth.projects.map((project) => project.key).sort());
  });

  it('searches by key or name', async () => {
    const project = sim.control.groundTruth(sim.sites[0]!.cloudId).projects[0]!;
    const byName = await api.caller(key).connectors.projectOptions({ connectorId: 'admin', query: project.name.slice(0, 4).toLowerCase() });
    expect(byName.items.map((item) => item.key)).toContain(project.key);
    const none = await api.caller(key).connectors.projectOptions({ connectorId: 'admin', query: 'no-project-is-called-this' });
    expect(none).toMatchObject({ items: [], nextCursor: undefined });
  });
});

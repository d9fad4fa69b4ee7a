import { recordEventSource, type TRecordEvent, type TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type GroundTruth, type JiraSimulator } from '@jira-sync/jira-sim';
import type { ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches, readableMismatches } from './ground-truth.test-support.js';
import { readableByStore, sliceOfStore } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

/** Every principal a tenant's stored ACLs name. */
async function principalsIn(stack: SyncStack, scope: ConnectorScope): Promise<Set<string>> {
  const slice = await sliceOfStore(stack.store, stack.content, scope);
  const acls = [...slice.projects, ...slice.issues, ...slice.comments, ...slice.attachments].map((record) => record.acl);
  return new Set(acls.flatMap((acl) => [...acl.browse, ...acl.level, ...acl.visibility]));
}

/** The principals only this site's directory and projects can produce (group, role and lead ids of its own). */
function ownPrincipals(truth: GroundTruth): Set<string> {
  return new Set([...truth.groups.map((group) => `group:${group.groupId}`), ...truth.projects.flatMap((project) => [`lead:${project.id}`, ...project.roles.map((role) => `role:${project.id}:${role.roleId}`)])]);
}

describe("two tenants (the demo's two sites) synced side by side", () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let tenants: Array<{ scope: ConnectorScope; truth: GroundTruth; result: TSyncResult }>;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    stack = await startSyncStack();
    const admin = sim.credentials.admin;
    const credentials = { method: 'api_token' as const, email: admin.email, apiToken: admin.apiToken };
    const scopes = [
      await stack.addConnector('acme', { siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token' }, credentials),
      await stack.addConnector('labs', { siteUrl: sim.sites[1]!.siteUrl, authMethod: 'api_token' }, credentials),
    ];
    const results = await stack.sync(scopes);
    tenants = scopes.map((scope, index) => ({ scope, truth: sim.control.groundTruth(sim.sites[index]!.cloudId, { readers: true }), result: results[index]! }));
  }, 900_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it("stores each tenant's slice equal to its own site's ground truth", async () => {
    expect(tenants.map((tenant) => tenant.result.status)).toEqual(['completed', 'completed']);
    for (const { scope, truth } of tenants) {
      expect(await groundTruthMismatches(await sliceOfStore(stack.store, stack.content, scope), truth, { accountId: sim.credentials.admin.accountId })).toEqual([]);
    }
  }, 300_000);

  it("answers 'records this account may read' per tenant with exactly its own site's ground truth for every active account", async () => {
    for (const { scope, truth } of tenants) {
      const { accounts, mismatches } = await readableMismatches(readableByStore(stack.store, scope), truth, sim.credentials.admin.accountId);
      expect(accounts).toBeGreaterThan(3);
      expect(mismatches).toEqual([]);
    }
  }, 300_000);

  it("names in each tenant's ACLs no group, role or lead of the other site", async () => {
    const [acme, labs] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
    const acmeOwn = ownPrincipals(acme.truth);
    const labsOwn = ownPrincipals(labs.truth);
    // The sites' group and project ids differ, so a crossing principal would be told apart.
    expect([...acmeOwn].filter((principal) => labsOwn.has(principal) && principal.startsWith('group:'))).toEqual([]);
    const acmeUsed = await principalsIn(stack, acme.scope);
    const labsUsed = await principalsIn(stack, labs.scope);
    expect([...acmeUsed].filter((principal) => principal.startsWith('group:') && !acmeOwn.has(principal))).toEqual([]);
    expect([...labsUsed].filter((principal) => principal.startsWith('group:') && !labsOwn.has(principal))).toEqual([]);
    expect([...acmeUsed].some((principal) => principal.startsWith('group:'))).toBe(true);
  }, 300_000);

  it("keys every Kafka event with its own tenant, and carries only its own site's records", async () => {
    const messages = await stack.readTopic();
    expect(messages.length).toBeGreaterThan(100);
    const crossing: string[] = [];
    for (const { scope, truth } of tenants) {
      const mine = messages.filter((message) => message.key?.startsWith(`${scope.tenantId}/`));
      expect(mine.length).toBeGreaterThan(10);
      const issueKeys = new Map(truth.issues.map((issue) => [issue.id, issue.key]));
      for (const message of mine) {
        const event = message.value as TRecordEvent;
        if (event.source !== recordEventSource(scope.tenantId, scope.connectorId) || event.data.tenantId !== scope.tenantId) crossing.push(`${message.key}: ${event.source}`);
        const record = (event.data as { record?: { issueId?: string; key?: string } }).record;
        if (event.type.includes('.issue.') && issueKeys.get(record?.issueId ?? '') !== record?.key) crossing.push(`${message.key}: issue ${record?.key ?? '?'}`);
      }
    }
    expect(crossing).toEqual([]);
    expect(messages.filter((message) => !tenants.some(({ scope }) => message.key?.startsWith(`${scope.tenantId}/`)))).toEqual([]);
  }, 300_000);
});

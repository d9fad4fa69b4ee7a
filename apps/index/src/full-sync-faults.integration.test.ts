import type { TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type ActiveFault, type JiraSimulator } from '@jira-sync/jira-sim';
import type { ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches, readableMismatches } from './ground-truth.test-support.js';
import { readableByStore, sliceOfStore } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

const PERMISSION_SCHEME = '/rest/api/3/project/{projectKeyOrId}/permissionscheme';

describe('a full sync of the demo preset through 429 storms, 5xx replies and one project whose permission scheme answers 403', () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let scope: ConnectorScope;
  let result: TSyncResult;
  let faults: ActiveFault[];
  let failedKey: string;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    stack = await startSyncStack();
    const admin = sim.credentials.admin;
    // One project at a time, so the first permission-scheme read (the one refused) belongs to one project only.
    scope = await stack.addConnector('faults', { siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token', projectConcurrency: 1 }, { method: 'api_token', email: admin.email, apiToken: admin.apiToken });
    // Added first, so no storm reply can take its place on the request it refuses.
    sim.control.faults.add({ kind: 'status', status: 403, path: PERMISSION_SCHEME, times: 1 });
    sim.control.faults.add({ kind: 'rate-limit', path: '/rest/api/3/*', everyNth: 4, times: 30, retryAfterSeconds: 1 });
    sim.control.faults.add({ kind: 'status', status: 503, path: '/rest/api/3/*', everyNth: 7, times: 12, retryAfterSeconds: 1 });
    sim.control.faults.add({ kind: 'status', status: 502, path: '/rest/api/3/*', everyNth: 11, times: 8 });
    [result] = (await stack.sync([scope])) as [TSyncResult];
    faults = sim.control.faults.list();
    sim.control.faults.clear();
    failedKey = result.projects.find((project) => project.errors.some((error) => error.includes('permission scheme')))?.projectKey ?? '';
  }, 900_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it('completes through every storm, and the outcome names the one project whose permission scheme was refused', () => {
    // Every rule was served during the sync: one 403, a storm of 429s (each with Retry-After), 503s and 502s.
    expect(faults.map((fault) => [fault.kind, fault.status ?? 429])).toEqual([['status', 403], ['rate-limit', 429], ['status', 503], ['status', 502]]);
    expect(faults[0]!.applied).toBe(1);
    expect(faults[1]!.applied).toBeGreaterThanOrEqual(10);
    expect(faults.slice(2).every((fault) => fault.applied > 0)).toBe(true);
    expect(result.projects.map((project) => project.status)).toEqual(['completed', 'completed', 'completed']);
    expect(failedKey).not.toBe('');
    const named = result.projects.filter((project) => project.errors.length > 0).map((project) => project.projectKey);
    expect(named).toEqual([failedKey]);
    expect(result.diagnostics.join(' ')).toContain(`grant the syncing account Administer Projects on ${failedKey}`);
    const failed = result.projects.find((project) => project.projectKey === failedKey)!;
    expect(failed.issues).toBeGreaterThan(0);
    expect(failed.closedAcls).toBe(failed.issues);
    expect(result.projects.filter((project) => project.projectKey !== failedKey).every((project) => project.closedAcls === 0)).toBe(true);
  });

  it('equals the ground truth (what a clean run stores) for the other projects, and stores the refused one without its scheme', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const slice = await sliceOfStore(stack.store, stack.content, scope);
    expect(await groundTruthMismatches(slice, truth, { accountId: sim.credentials.admin.accountId, schemeUnreadable: new Set([failedKey]) })).toEqual([]);
  }, 300_000);

  it("fails the refused project's records closed: 'records this account may read' matches the ground truth of the others for every active account", async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const projectId = truth.projects.find((project) => project.key === failedKey)!.id;
    const issueIds = new Set(truth.issues.filter((issue) => issue.projectId === projectId).map((issue) => issue.id));
    const closed = new Set([
      ...[...issueIds].map((id) => `issue:${id}`),
      ...truth.comments.filter((comment) => issueIds.has(comment.issueId)).map((comment) => `comment:${comment.id}`),
      ...truth.attachments.filter((file) => issueIds.has(file.issueId)).map((file) => `attachment:${file.id}`),
    ]);
    const slice = await sliceOfStore(stack.store, stack.content, scope);
    const stillClosed = [...slice.issues, ...slice.comments, ...slice.attachments].filter((record) => issueIds.has(record.issueId));
    expect(stillClosed.length).toBeGreaterThan(0);
    expect(stillClosed.every((record) => record.acl.browse.length === 0 && record.acl.unresolved)).toBe(true);
    const { accounts, mismatches } = await readableMismatches(readableByStore(stack.store, scope), truth, sim.credentials.admin.accountId, closed);
    expect(accounts).toBeGreaterThan(5);
    expect(mismatches).toEqual([]);
  }, 300_000);
});

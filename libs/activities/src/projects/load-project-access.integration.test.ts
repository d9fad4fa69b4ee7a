import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createApiTokenClient, type JiraClient } from '@jira-sync/jira-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAcl } from '../acl/resolve-acl.js';
import { loadProjectAccess, loadSiteAccess, type TSiteAccess } from './load-project-access.js';

const PERMISSION_SCHEME = '/rest/api/3/project/{projectKeyOrId}/permissionscheme';

describe('loadProjectAccess when Jira keeps failing a scheme read', () => {
  let sim: JiraSimulator;
  let client: JiraClient;
  let site: TSiteAccess;
  let project: { id: string; key: string };

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    const admin = sim.credentials.admin;
    // Two attempts with a short wait, so the 503s outlast jira-client's own retries quickly.
    client = createApiTokenClient({
      siteUrl: sim.sites[0]!.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const groups: Array<{ groupId: string; name: string }> = [];
    for await (const group of client.groups()) groups.push(group);
    site = await loadSiteAccess(client, groups);
    for await (const listed of client.projects()) {
      project = { id: listed.id, key: listed.key };
      break;
    }
  });
  afterAll(async () => sim?.stop());

  it('reads the whole model when Jira answers', async () => {
    const loaded = await loadProjectAccess(client, project, site);
    expect(loaded.problems).toEqual([]);
    expect(loaded.access.browse?.length).toBeGreaterThan(0);
  });

  it('leaves the permission scheme unread after 5xx past the retries, names the project, and fails its issues closed', async () => {
    sim.control.faults.add({ kind: 'status', status: 503, path: PERMISSION_SCHEME });
    try {
      const loaded = await loadProjectAccess(client, project, site);
      expect(loaded.access.browse).toBeUndefined();
      expect(loaded.problems).toHaveLength(1);
      expect(loaded.problems[0]).toMatch(new RegExp(`^${project.key}: Jira kept failing to answer for the project's permission scheme`));
      const acl = issueAcl(loaded.access, {});
      expect(acl.unresolved).toBeTruthy();
      expect(acl.browse).toEqual([]);
    } finally {
      sim.control.faults.clear();
    }
  });
});

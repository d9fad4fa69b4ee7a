import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createApiTokenClient } from '@jira-sync/jira-client';
import { ZConnectorConfigSchema } from '@jira-sync/contracts';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../create-activities.js';
import type { TCountProjectIssuesResult } from './count-project-issues.activity.js';

describe('countProjectIssues on the demo preset (admin API token)', () => {
  let sim: JiraSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
  });
  afterAll(async () => sim?.stop());

  function activities() {
    const site = sim.sites[0]!;
    const admin = sim.credentials.admin;
    const config = ZConnectorConfigSchema.parse({ tenantId: 'acme', connectorId: 'jira', siteUrl: site.siteUrl, authMethod: 'api_token' });
    return createActivities({
      now: () => new Date(),
      openConnector: async () => ({ config, client: createApiTokenClient({ siteUrl: site.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true }) }),
      recordPublisher: { publish: async () => undefined },
    });
  }
  const step = { tenantId: 'acme', connectorId: 'jira', generation: 1_000, syncRunId: 'run-count' };

  it("estimates each project's issues as the ground truth counts them, and names the site for the run's memo", async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const projects = truth.projects.map((project) => ({ id: project.id, key: project.key }));
    const result = (await new MockActivityEnvironment().run(activities().countProjectIssues, { ...step, projects })) as TCountProjectIssuesResult;

    expect(result.siteUrl).toBe(sim.sites[0]!.siteUrl);
    expect(result.estimates).toEqual(
      projects.map((project) => ({
        projectKey: project.key,
        issues: truth.issues.filter((issue) => issue.projectId === project.id && issue.acl.readers?.includes(adminId)).length,
      })),
    );
    expect(result.estimates.every((estimate) => (estimate.issues ?? 0) > 0)).toBe(true);
  });

  it('answers null for a project Jira will not count instead of failing the run', async () => {
    const projects = [{ id: '99999', key: 'GONE' }];
    const result = (await new MockActivityEnvironment().run(activities().countProjectIssues, { ...step, syncRunId: 'run-count-2', projects })) as TCountProjectIssuesResult;
    expect(result.estimates).toEqual([{ projectKey: 'GONE', issues: null }]);
  });
});

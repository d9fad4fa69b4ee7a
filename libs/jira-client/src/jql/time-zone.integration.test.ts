import { describe, expect, it } from 'vitest';
import { collect } from '../paginate.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';
import { formatJqlLocalMinute } from './jira-timestamp.js';
import { buildSyncJql } from './sync-jql.js';

const h = useJiraSimulator();

describe('incremental JQL for an API user west of UTC', () => {
  it('finds an update that a naive UTC-formatted literal misses', async () => {
    const apiUser = h.apiTokenClient('apiUser');
    const { timeZone } = await apiUser.verifyCredentials();
    expect(timeZone).toBe('America/Los_Angeles');
    const [project] = await collect(apiUser.projects());
    const checkpoint = h.sim.control.clock.now() - 30 * 60_000;
    const issue = h.sim.control.issues.create({ projectKey: project!.key, summary: 'edited just now' });
    const ids = (jql: string) => collect(apiUser.searchIssueIds({ jql }));

    // Jira reads the literal in Los Angeles time: 8 hours after the checkpoint, so the fresh issue is skipped.
    const naive = `project = "${project!.key}" AND updated >= "${formatJqlLocalMinute(checkpoint, 'UTC')}" ORDER BY updated ASC, key ASC`;
    expect(await ids(naive)).not.toContain(issue.id);

    const local = buildSyncJql({ projectsIn: [project!.key], checkpoint: { updatedAt: checkpoint, overlapMs: 0 }, dateFormat: { kind: 'local', timeZone: timeZone! } });
    expect(await ids(local)).toContain(issue.id);
    const epoch = buildSyncJql({ projectsIn: [project!.key], checkpoint: { updatedAt: checkpoint, overlapMs: 0 } });
    expect(await ids(epoch)).toContain(issue.id);
  });
});

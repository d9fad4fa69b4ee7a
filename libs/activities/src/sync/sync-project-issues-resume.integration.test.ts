import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createApiTokenClient, type JiraClient } from '@jira-sync/jira-client';
import { RECORD_EVENT_TYPES, ZConnectorConfigSchema, type TProjectRecord } from '@jira-sync/contracts';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../create-activities.js';
import type { TIssuesCursor } from './issue-cursor.js';
import type { TKeyedEvent } from './record-events.js';
import type { TSyncProjectIssuesResult } from './sync-project-issues.activity.js';

// The small preset's PLAT holds 200 issues the admin can read: two pages of 100, so "after page 1" is a real
// position in the middle of the project.
const project = { projectId: '10000', projectKey: 'PLAT' };
const now = new Date('2026-01-01T00:00:00Z');

/** An event as the store sees it: everything but the CloudEvent id, which is fresh on every publish. */
function comparable({ event }: TKeyedEvent): string {
  const { id: _id, ...rest } = event;
  return JSON.stringify(rest);
}

function projectRecord(events: TKeyedEvent[]): TProjectRecord {
  const found = events.map(({ event }) => event).find((event) => event.type === RECORD_EVENT_TYPES.project && event.subject === project.projectId);
  return (found!.data as unknown as { record: TProjectRecord }).record;
}

describe('the issues activity resumes within a project (small preset, admin API token)', () => {
  let sim: JiraSimulator;
  let clean: { events: TKeyedEvent[]; result: TSyncProjectIssuesResult };

  /** The activities over a fresh client that records the start token of every search it begins. */
  function harness(publish: (events: readonly TKeyedEvent[]) => Promise<void>) {
    const site = sim.sites[0]!;
    const admin = sim.credentials.admin;
    const config = ZConnectorConfigSchema.parse({ tenantId: 'acme', connectorId: 'jira', siteUrl: site.siteUrl, authMethod: 'api_token' });
    const startTokens: Array<string | undefined> = [];
    const client: JiraClient = createApiTokenClient({ siteUrl: site.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true });
    const search = client.searchIssuePages.bind(client);
    client.searchIssuePages = (options) => {
      startTokens.push(options.startToken);
      return search(options);
    };
    const activities = createActivities({
      now: () => now,
      openConnector: async () => ({ config, client }),
      recordPublisher: { publish },
    });
    return { activities, startTokens };
  }

  const input = { tenantId: 'acme', connectorId: 'jira', generation: 1_000, syncRunId: 'run-1', ...project };

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'small', seed: 1, searchLagMs: 0 });
    const events: TKeyedEvent[] = [];
    const { activities } = harness(async (batch) => void events.push(...batch));
    const result = (await new MockActivityEnvironment().run(activities.syncProjectIssues, input)) as TSyncProjectIssuesResult;
    clean = { events, result };
  }, 120_000);
  afterAll(async () => sim?.stop());

  it('heartbeats the next page token once a page is published, and stops at its page budget with that cursor', async () => {
    const events: TKeyedEvent[] = [];
    const heartbeats: unknown[] = [];
    const { activities } = harness(async (batch) => void events.push(...batch));
    const env = new MockActivityEnvironment();
    env.on('heartbeat', (details: unknown) => heartbeats.push(details));
    const first = (await env.run(activities.syncProjectIssues, { ...input, maxPages: 1 })) as TSyncProjectIssuesResult;
    expect(clean.result.issues).toBe(200);
    expect(first.issues).toBe(100);
    expect(first.cursor).toMatchObject({ pages: 1, issues: 100 });
    expect(first.cursor!.pageToken).toEqual(expect.any(String));
    expect(heartbeats.at(-1)).toEqual(first.cursor);
    // No project record until the listing is exhausted: its ACL needs every issue's.
    expect(events.some(({ event }) => event.type === RECORD_EVENT_TYPES.project)).toBe(false);
    expect(events.filter(({ event }) => event.type === RECORD_EVENT_TYPES.issue)).toHaveLength(100);
  });

  it('a retry starts at the page token of its last heartbeat, not at the first page, and ends as the clean run did', async () => {
    const { activities: firstChunk } = harness(async () => undefined);
    const afterPageOne = ((await new MockActivityEnvironment().run(firstChunk.syncProjectIssues, { ...input, maxPages: 1 })) as TSyncProjectIssuesResult).cursor!;

    const events: TKeyedEvent[] = [];
    const { activities, startTokens } = harness(async (batch) => void events.push(...batch));
    const retry = new MockActivityEnvironment({ attempt: 2, heartbeatDetails: afterPageOne });
    const result = (await retry.run(activities.syncProjectIssues, input)) as TSyncProjectIssuesResult;

    expect(startTokens).toEqual([afterPageOne.pageToken]);
    expect(result).toEqual(clean.result);
    const issueIds = (list: TKeyedEvent[]) => list.filter(({ event }) => event.type === RECORD_EVENT_TYPES.issue).map(({ event }) => event.subject);
    expect(issueIds(events)).toHaveLength(100);
    expect(issueIds(clean.events).slice(100)).toEqual(issueIds(events));
    expect(projectRecord(events)).toEqual(projectRecord(clean.events));
  });

  it('a worker killed mid-project: the retry resumes after the last acknowledged page and the event set equals the clean run', async () => {
    const delivered: TKeyedEvent[] = [];
    let lastHeartbeat: unknown;
    const { activities: dying } = harness(async (batch) => {
      // Dies on the first publish after page 1 was acknowledged and heartbeated: in the middle of page 2.
      if ((lastHeartbeat as TIssuesCursor | undefined)?.pages === 1) throw new Error('the worker died while publishing page 2');
      delivered.push(...batch);
    });
    const firstAttempt = new MockActivityEnvironment();
    firstAttempt.on('heartbeat', (details: unknown) => (lastHeartbeat = details));
    await expect(firstAttempt.run(dying.syncProjectIssues, input)).rejects.toThrow('the worker died');
    expect(lastHeartbeat).toMatchObject({ pages: 1, issues: 100 });

    const { activities, startTokens } = harness(async (batch) => void delivered.push(...batch));
    const result = (await new MockActivityEnvironment({ attempt: 2, heartbeatDetails: lastHeartbeat }).run(activities.syncProjectIssues, input)) as TSyncProjectIssuesResult;

    expect(startTokens).toEqual([(lastHeartbeat as TIssuesCursor).pageToken]);
    expect(result).toEqual(clean.result);
    expect(new Set(delivered.map(comparable))).toEqual(new Set(clean.events.map(comparable)));
  });

  it("keeps heartbeating while jira-client waits out a 429's Retry-After inside a call, so the heartbeat timeout does not cut the wait short", async () => {
    const fault = sim.control.faults.add({ kind: 'rate-limit', method: 'POST', path: '/rest/api/3/search/jql', retryAfterSeconds: 3, times: 1 });
    try {
      const { activities } = harness(async () => undefined);
      // A 1.5 s heartbeat timeout: the activity heartbeats every second on its own timer.
      const env = new MockActivityEnvironment({ heartbeatTimeoutMs: 1_500 });
      const heartbeats: TIssuesCursor[] = [];
      env.on('heartbeat', (details: unknown) => heartbeats.push(details as TIssuesCursor));
      const result = (await env.run(activities.syncProjectIssues, input)) as TSyncProjectIssuesResult;

      expect(sim.control.faults.list().find((rule) => rule.id === fault.id)?.applied).toBe(1);
      expect(result).toEqual(clean.result);
      // Before the first page's own heartbeat (pages: 1), the timer beat the start position while the client waited.
      const firstPage = heartbeats.findIndex((beat) => beat.pages === 1);
      expect(firstPage).toBeGreaterThan(0);
      expect(new Set(heartbeats.slice(0, firstPage).map((beat) => `${beat.pages} ${beat.pageToken ?? 'start'}`))).toEqual(new Set(['0 start']));
    } finally {
      sim.control.faults.remove(fault.id);
    }
  });

  it('chunk after chunk with the returned cursor publishes what one call does, project record included', async () => {
    const events: TKeyedEvent[] = [];
    const { activities, startTokens } = harness(async (batch) => void events.push(...batch));
    let cursor: TIssuesCursor | undefined;
    let result: TSyncProjectIssuesResult;
    let chunks = 0;
    do {
      result = (await new MockActivityEnvironment().run(activities.syncProjectIssues, { ...input, maxPages: 1, ...(cursor ? { cursor } : {}) })) as TSyncProjectIssuesResult;
      cursor = result.cursor;
      chunks += 1;
    } while (cursor && chunks < 10);

    expect(chunks).toBe(2);
    expect(startTokens).toEqual([undefined, expect.any(String)]);
    expect(result).toEqual(clean.result);
    expect(events.map(comparable).sort()).toEqual(clean.events.map(comparable).sort());
  });
});

import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createApiTokenClient, type JiraClient } from '@jira-sync/jira-client';
import { ZConnectorConfigSchema } from '@jira-sync/contracts';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashingAttachmentSink } from './hashing-attachment-sink.js';
import type { TIssuesCursor } from './issue-cursor.js';
import type { TKeyedEvent } from './record-events.js';
import { SyncRunCache } from './site-cache.js';
import { createSyncProjectIssues, type TSyncProjectIssuesResult } from './sync-project-issues.activity.js';

// The small preset's PLAT: 200 issues the admin can read (two pages of 100), with attachments on both pages.
const input = { tenantId: 'acme', connectorId: 'jira', generation: 1_000, syncRunId: 'run-1', projectId: '10000', projectKey: 'PLAT' };
const now = new Date('2026-01-01T00:00:00Z');

function comparable({ key, event }: TKeyedEvent): string {
  const { id: _id, ...rest } = event;
  return JSON.stringify([key, rest]);
}

describe('the issues activity overlaps content downloads and publishing (small preset, admin API token)', () => {
  let sim: JiraSimulator;

  /** The issues activity over a client that reports page reads and counts the downloads streaming at once. */
  function harness(options: { contentConcurrency: number; publish: (events: readonly TKeyedEvent[]) => Promise<void>; onPageRead?: (pagesRead: number) => void }) {
    const site = sim.sites[0]!;
    const admin = sim.credentials.admin;
    const config = ZConnectorConfigSchema.parse({ tenantId: 'acme', connectorId: 'jira', siteUrl: site.siteUrl, authMethod: 'api_token' });
    const client: JiraClient = createApiTokenClient({ siteUrl: site.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true });
    const downloads = { active: 0, most: 0, total: 0 };
    const download = client.downloadAttachment.bind(client);
    client.downloadAttachment = async (id, limits) => {
      downloads.active += 1;
      downloads.total += 1;
      downloads.most = Math.max(downloads.most, downloads.active);
      const content = await download(id, limits).catch((error: unknown) => {
        downloads.active -= 1;
        throw error;
      });
      async function* body() {
        try {
          yield* content.body;
        } finally {
          downloads.active -= 1;
        }
      }
      return { ...content, body: body() };
    };
    const search = client.searchIssuePages.bind(client);
    let pagesRead = 0;
    client.searchIssuePages = (searchOptions) => {
      const pages = search(searchOptions);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const page of pages) {
            pagesRead += 1;
            options.onPageRead?.(pagesRead);
            yield page;
          }
        },
      };
    };
    const activity = createSyncProjectIssues({
      openConnector: async () => ({ config, client }),
      recordPublisher: { publish: options.publish },
      attachments: createHashingAttachmentSink(),
      now: () => now,
      runCache: new SyncRunCache(),
      contentConcurrency: options.contentConcurrency,
    });
    return { activity, downloads };
  }

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'small', seed: 1, searchLagMs: 0 });
  }, 120_000);
  afterAll(async () => sim?.stop());

  it('streams at most contentConcurrency attachments at once and publishes the very events, in the very order, of one at a time', async () => {
    const serialEvents: TKeyedEvent[] = [];
    const serial = harness({ contentConcurrency: 1, publish: async (batch) => void serialEvents.push(...batch) });
    const serialResult = (await new MockActivityEnvironment().run(serial.activity, input)) as TSyncProjectIssuesResult;

    const events: TKeyedEvent[] = [];
    const bounded = harness({ contentConcurrency: 3, publish: async (batch) => void events.push(...batch) });
    const result = (await new MockActivityEnvironment().run(bounded.activity, input)) as TSyncProjectIssuesResult;

    expect(serial.downloads.most).toBe(1);
    expect(bounded.downloads.total).toBeGreaterThan(3);
    expect(bounded.downloads.most).toBe(3);
    expect(result).toEqual(serialResult);
    expect(result.attachments).toBeGreaterThan(0);
    expect(events.map(comparable)).toEqual(serialEvents.map(comparable));
  });

  it('reads the next page while the previous one is being published, and heartbeats a page only after Kafka acknowledged it', async () => {
    // How many events page 1 makes (more than one batch may go out for it): the publish that completes them is its last.
    let firstPageEvents = 0;
    const counting = harness({ contentConcurrency: 4, publish: async (batch) => void (firstPageEvents += batch.length) });
    await new MockActivityEnvironment().run(counting.activity, { ...input, maxPages: 1 });

    const log: string[] = [];
    let releaseLast: ((why: string) => void) | undefined;
    let inFlight = 0;
    let mostInFlight = 0;
    let sent = 0;
    const { activity } = harness({
      contentConcurrency: 4,
      onPageRead: (pagesRead) => {
        log.push(`read page ${pagesRead}`);
        // Page 1's last acknowledgement waits for the read of page 2: without the overlap it would never come.
        if (pagesRead === 2) releaseLast?.('released by the read of page 2');
      },
      publish: async (batch) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        sent += batch.length;
        log.push('publish');
        if (sent === firstPageEvents) {
          const fallback = setTimeout(() => releaseLast?.('not released'), 20_000);
          log.push(await new Promise<string>((resolve) => (releaseLast = resolve)));
          clearTimeout(fallback);
        }
        log.push('ack');
        inFlight -= 1;
      },
    });
    const env = new MockActivityEnvironment();
    env.on('heartbeat', (details: unknown) => {
      const cursor = details as TIssuesCursor;
      if (cursor.pages > 0) log.push(`heartbeat ${cursor.pages} ${cursor.issues}`);
    });
    const result = (await env.run(activity, { ...input, maxPages: 2 })) as TSyncProjectIssuesResult;

    expect(result.issues).toBe(200);
    expect(mostInFlight).toBe(1);
    const released = log.indexOf('released by the read of page 2');
    expect(released).toBeGreaterThan(0);
    // Page 2 was read while page 1's last batch waited; page 1's position was heartbeated right after its ack,
    // before any of page 2's events went out.
    expect(log.slice(released - 2, released + 3)).toEqual(['publish', 'read page 2', 'released by the read of page 2', 'ack', 'heartbeat 1 100']);
    expect(log.slice(0, released).filter((entry) => entry.startsWith('heartbeat'))).toEqual([]);
    expect(log.slice(released + 3)).toContain('publish');
    // The last page is heartbeated once acknowledged, then the project record goes out.
    expect(log.slice(-3)).toEqual(['heartbeat 2 200', 'publish', 'ack']);
  });
});

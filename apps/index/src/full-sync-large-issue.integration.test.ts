import type { TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createKafka, fetchTopicOffsets } from '@jira-sync/events';
import type { ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches } from './ground-truth.test-support.js';
import { sliceOfStore } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

const COMMENTS = 2_000;
const DESCRIPTION_BYTES = 5 * 1024 * 1024;

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** About `bytes` of plain prose in 1 kB paragraphs, each numbered so a lost or reordered one shows. */
function largeDescription(bytes: number) {
  const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(20).slice(0, 1_000);
  const content = Array.from({ length: Math.ceil(bytes / 1_000) }, (_, index) => paragraph(`part ${index} ${filler}`));
  return { type: 'doc' as const, version: 1 as const, content };
}

/**
 * One issue bigger than any single Kafka message or MongoDB document could carry if it travelled whole: 2,000
 * comments and a 5 MB description, on the demo's small second site (one project, 8 issues) so the rest stays tiny.
 *
 * Opt-in (JIRA_SYNC_E2E_LARGE_ISSUE=1) until the index app stops reconciling every sibling per chunk: the sync and
 * Kafka carry it in about a minute, but each chunk of comments re-reads all the issue's stored comments and its 5 MB
 * document, so on FerretDB v1 the consumer needed over 10 minutes for the first 700 of 2,001 events.
 */
describe.skipIf(process.env['JIRA_SYNC_E2E_LARGE_ISSUE'] !== '1')('a full sync of an issue with 2,000 comments and a 5 MB description', () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let scope: ConnectorScope;
  let result: TSyncResult;
  let issueId: string;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    const site = sim.sites[1]!;
    const projectKey = sim.control.groundTruth(site.cloudId).projects[0]!.key;
    const issue = sim.control.issues.create({ cloudId: site.cloudId, projectKey, summary: 'A very long thread', description: largeDescription(DESCRIPTION_BYTES) });
    issueId = issue.id;
    for (let index = 0; index < COMMENTS; index += 1) {
      sim.control.comments.add(issue.key, { cloudId: site.cloudId, body: { type: 'doc', version: 1, content: [paragraph(`comment ${index} of the long thread`)] } });
    }
    stack = await startSyncStack();
    const admin = sim.credentials.admin;
    scope = await stack.addConnector('large', { siteUrl: site.siteUrl, authMethod: 'api_token' }, { method: 'api_token', email: admin.email, apiToken: admin.apiToken });
    [result] = (await stack.sync([scope])) as [TSyncResult];
  }, 1_200_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it('completes with every comment counted and nothing dead-lettered', async () => {
    expect(result.status).toBe('completed');
    expect(result.projects.map((project) => project.status)).toEqual(['completed']);
    expect(result.projects[0]!.comments).toBeGreaterThanOrEqual(COMMENTS);
    const admin = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'large-issue-test' }).admin();
    await admin.connect();
    const deadLetters = await fetchTopicOffsets(admin, `${stack.topic}.dlq`).finally(() => admin.disconnect());
    expect(deadLetters.map((partition) => partition.high)).toEqual(deadLetters.map((partition) => partition.low));
  });

  it('stores the issue with its whole description as block group 0 and every comment as a block of its own', async () => {
    const stored = await stack.store.issues.get({ ...scope, externalId: issueId });
    expect(stored?.blockGroups[0]?.index).toBe(0);
    expect(stored?.blockGroups[0]?.markdown?.length ?? 0).toBeGreaterThan(DESCRIPTION_BYTES);
    expect(stored?.blockGroups[0]?.markdown).toContain(`part ${Math.ceil(DESCRIPTION_BYTES / 1_000) - 1} `);
    expect(stored?.commentIds).toHaveLength(COMMENTS);
    expect(await stack.store.comments.find(scope, { issueId }, { fields: ['externalId'] })).toHaveLength(COMMENTS);
  }, 300_000);

  it('equals the ground truth of the site: the large issue, its description and all its comment blocks included', async () => {
    const truth = sim.control.groundTruth(sim.sites[1]!.cloudId, { readers: true });
    expect(truth.comments.filter((comment) => comment.issueId === issueId)).toHaveLength(COMMENTS);
    expect(await groundTruthMismatches(await sliceOfStore(stack.store, stack.content, scope), truth, { accountId: sim.credentials.admin.accountId })).toEqual([]);
  }, 600_000);
});

/**
 * Benchmark (not a test): the sync activities over a simulator preset, against the raw floor measured in the same
 * run (page every issue with the same fields and nothing else). Kafka and the store are left out on purpose (a
 * publisher that counts, attachment bytes hashed), so the figure is the activities' own cost: ACLs, ADF, comments.
 * Run: npm run bench -w @jira-sync/bench -- src/sync/activities.bench.ts [--preset small|medium|large]
 */
import { parseArgs } from 'node:util';
import { createActivities, createHashingAttachmentSink } from '@jira-sync/activities';
import { ZConnectorConfigSchema } from '@jira-sync/contracts';
import { createApiTokenClient } from '@jira-sync/jira-client';
import { startSimulator, type PresetName } from '@jira-sync/jira-sim';
import { MockActivityEnvironment } from '@temporalio/testing';

const { values } = parseArgs({ options: { preset: { type: 'string', default: 'small' } } });
const sim = await startSimulator({ preset: values.preset as PresetName, seed: 1, searchLagMs: 0 });
const site = sim.sites[0]!;
const { email, apiToken } = sim.credentials.admin;
const client = () => createApiTokenClient({ siteUrl: site.siteUrl, email, apiToken, allowInsecureLoopback: true });
const config = ZConnectorConfigSchema.parse({ tenantId: 'bench', connectorId: 'jira', siteUrl: site.siteUrl, authMethod: 'api_token' });
let events = 0;
const sink = createHashingAttachmentSink();
const activities = createActivities({
  now: () => new Date(),
  openConnector: async () => ({ config, client: client() }),
  recordPublisher: { publish: async (batch) => void (events += batch.length) },
  attachments: sink,
});

// The raw floor: every issue of every project with the same fields, nothing else.
const fieldIds = (await client().fields()).map((field) => field.id).filter((id) => id.startsWith('customfield_'));
const fields = ['summary', 'description', 'status', 'priority', 'issuetype', 'labels', 'components', 'fixVersions', 'reporter', 'assignee', 'creator', 'parent', 'issuelinks', 'security', 'created', 'updated', 'resolutiondate', 'comment', 'attachment', 'project', ...fieldIds];
sim.control.counters.reset();
let begin = performance.now();
let floorIssues = 0;
const raw = client();
const projectIds: string[] = [];
for await (const project of raw.projects()) projectIds.push(project.id);
for await (const _issue of raw.searchIssues({ jql: `project in (${projectIds.join(', ')}) order by id`, fields, maxResults: 100 })) floorIssues += 1;
const floorSeconds = (performance.now() - begin) / 1000;
const floorRequests = sim.control.counters.total();

sim.control.counters.reset();
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
begin = performance.now();
const env = new MockActivityEnvironment();
const input = { tenantId: 'bench', connectorId: 'jira', generation: Date.now(), syncRunId: 'bench' };
await env.run(activities.syncUsers, input);
await env.run(activities.syncGroups, input);
const listed = (await env.run(activities.listProjects, input)) as { projects: Array<{ id: string; key: string }> };
let issues = 0;
for (const project of listed.projects) {
  await env.run(activities.syncProjectRoles, { ...input, projectId: project.id, projectKey: project.key });
  const result = (await env.run(activities.syncProjectIssues, { ...input, projectId: project.id, projectKey: project.key })) as { issues: number };
  issues += result.issues;
}
const syncSeconds = (performance.now() - begin) / 1000;
clearInterval(sampler);
const rows = sim.control.counters.snapshot();
const byPath = new Map<string, number>();
for (const row of rows) byPath.set(`${row.method} ${row.path}`, (byPath.get(`${row.method} ${row.path}`) ?? 0) + row.count);
const contentRequests = rows.filter((row) => row.path.includes('/attachment/content')).reduce((sum, row) => sum + row.count, 0);
const syncRequests = sim.control.counters.total() - contentRequests;
await sim.stop();

const perK = (requests: number, count: number) => ((requests / Math.max(1, count)) * 1000).toFixed(1);
console.log(`preset ${values.preset}: ${issues} issues synced (admin), ${events} events, ${Math.round(sink.totalBytes / 1024)} KiB of attachments`);
console.log(`raw floor   ${(floorIssues / floorSeconds).toFixed(0)} issues/s, ${perK(floorRequests, floorIssues)} requests per 1,000 issues`);
console.log(`activities  ${(issues / syncSeconds).toFixed(0)} issues/s, ${perK(syncRequests, issues)} requests per 1,000 issues besides ${contentRequests} attachment content requests`);
console.log(`requests by endpoint: ${[...byPath].sort((left, right) => right[1] - left[1]).map(([path, count]) => `${path} ${count}`).join('; ')}`);
console.log(`ratio to the raw floor: ${((issues / syncSeconds) / (floorIssues / floorSeconds)).toFixed(2)}; peak RSS ${Math.round(peakRss / 1_048_576)} MiB`);

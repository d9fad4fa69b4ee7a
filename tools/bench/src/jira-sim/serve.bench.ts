/**
 * Benchmark (not a test): serve the `large` preset and page through issues 100 at a time with the sync's field set.
 * Prints build time, RSS, pages/s and issues/s, and the ratio against a baseline measured in the same run
 * (serverInfo requests/s). Run: npm run bench -w @jira-sync/bench -- src/jira-sim/serve.bench.ts [--preset medium --pages 200]
 */
import { parseArgs } from 'node:util';
import { startSimulator } from '@jira-sync/jira-sim';
import type { PresetName } from '@jira-sync/jira-sim';

const SYNC_FIELDS = ['summary', 'status', 'issuetype', 'priority', 'project', 'reporter', 'assignee', 'created', 'updated', 'labels', 'components', 'description', 'security', 'parent', 'attachment', 'comment', 'issuelinks', 'customfield_10031', 'customfield_10033'];

const { values } = parseArgs({ options: { preset: { type: 'string', default: 'large' }, pages: { type: 'string', default: '100' }, baseline: { type: 'string', default: '2000' } } });
const mb = (bytes: number): string => `${Math.round(bytes / 1_048_576)} MiB`;

const started = performance.now();
const sim = await startSimulator({ preset: values.preset as PresetName });
const buildMs = performance.now() - started;
const rssAfterBuild = process.memoryUsage().rss;
const site = sim.sites[0]?.siteUrl ?? '';
const { email, apiToken } = sim.credentials.admin;
const headers = { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`, 'content-type': 'application/json' };

async function rate(count: number, run: (index: number) => Promise<number>): Promise<{ perSecond: number; items: number; seconds: number }> {
  const begin = performance.now();
  let items = 0;
  for (let index = 0; index < count; index += 1) items += await run(index);
  const seconds = (performance.now() - begin) / 1000;
  return { perSecond: count / seconds, items, seconds };
}

const baseline = await rate(Number(values.baseline), async () => {
  const response = await fetch(`${site}/rest/api/3/serverInfo`);
  await response.arrayBuffer();
  return 1;
});

let token: string | undefined;
const firstPageBegin = performance.now();
let firstPageMs = 0;
let steadyBegin = 0;
const pages = await rate(Number(values.pages), async (index) => {
  if (index === 1) steadyBegin = performance.now();
  const response = await fetch(`${site}/rest/api/3/search/jql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jql: 'created >= 0 ORDER BY updated ASC, key ASC', fields: SYNC_FIELDS, maxResults: 100, ...(token ? { nextPageToken: token } : {}) }),
  });
  const body = (await response.json()) as { issues: unknown[]; nextPageToken?: string };
  if (index === 0) firstPageMs = performance.now() - firstPageBegin;
  token = body.nextPageToken;
  return body.issues.length;
});

const steadyPagesPerSecond = (Number(values.pages) - 1) / ((performance.now() - steadyBegin) / 1000);

// The ids-first pattern Atlassian recommends: one id-only page of up to 5000, then bulkfetch in batches of 100.
const idsBegin = performance.now();
const idPage = (await (
  await fetch(`${site}/rest/api/3/search/jql`, { method: 'POST', headers, body: JSON.stringify({ jql: 'created >= 0 ORDER BY updated ASC, key ASC', maxResults: 5000 }) })
).json()) as { issues: Array<{ id: string }> };
const idsMs = performance.now() - idsBegin;
const ids = idPage.issues.map((issue) => issue.id);
const bulk = await rate(Math.min(20, Math.floor(ids.length / 100)), async (index) => {
  const response = await fetch(`${site}/rest/api/3/issue/bulkfetch`, { method: 'POST', headers, body: JSON.stringify({ issueIdsOrKeys: ids.slice(index * 100, index * 100 + 100), fields: SYNC_FIELDS }) });
  return ((await response.json()) as { issues: unknown[] }).issues.length;
});
const rssAfterPaging = process.memoryUsage().rss;
await sim.stop();

console.log(`preset ${values.preset}: built in ${(buildMs / 1000).toFixed(1)} s, RSS ${mb(rssAfterBuild)} after build, ${mb(rssAfterPaging)} after paging`);
console.log(`baseline serverInfo: ${baseline.perSecond.toFixed(0)} requests/s (${values.baseline} sequential requests)`);
console.log(`search/jql, 100 issues/page, ${SYNC_FIELDS.length} fields: ${pages.perSecond.toFixed(1)} pages/s overall, ${steadyPagesPerSecond.toFixed(1)} pages/s after the first page, ${(pages.items / pages.seconds).toFixed(0)} issues/s (${pages.items} issues; first page incl. index scan ${firstPageMs.toFixed(0)} ms)`);
console.log(`ids-first: ${ids.length} ids in one page in ${idsMs.toFixed(0)} ms; bulkfetch of 100 with the same fields: ${bulk.perSecond.toFixed(1)} batches/s (${(bulk.items / bulk.seconds).toFixed(0)} issues/s)`);
console.log(`ratio steady pages/s : serverInfo requests/s = ${(steadyPagesPerSecond / baseline.perSecond).toFixed(3)}`);

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JiraSimulator } from '@jira-sync/jira-sim';
import { createApiClient, type ApiClient } from './api-client.js';

type Kind = 'issue' | 'comment' | 'attachment' | 'project' | 'user' | 'group';
type Row = Record<string, unknown>;

/** What the demo shows, as facts its test can check. */
export interface DemoSummary {
  tenantId: string;
  connectorId: string;
  siteUrl: string;
  syncStatus: string | undefined;
  recordsByType: Record<Kind, number>;
  sampleIssue: { key: string; summary: string; markdown: string } | undefined;
  restrictedIssue: { key: string; securityLevel: string; readers: string[] } | undefined;
  restrictedComment: { commentId: string; issueId: string; visibility: string; readers: string[] } | undefined;
  activeAccounts: number;
  diagnostics: string[];
  progressLines: string[];
  seconds: number;
  jiraRequests: number;
  jiraRequestsByRoute: Array<{ route: string; count: number }>;
  temporalUiUrl: string | undefined;
  /** Changes made in Jira after the full sync, and what the next (incremental) sync made of them. */
  incremental?: {
    mode: string;
    status: string | undefined;
    editedIssue: { key: string; summary: string; storedSummary: string | undefined };
    addedComment: { commentId: string; stored: boolean };
    seconds: number;
    jiraRequests: number;
    temporalUiUrl: string | undefined;
  };
}

export interface DemoOptions {
  apiUrl: string;
  adminKey: string;
  sim: JiraSimulator;
  /** Called with each progress line as the sync runs. */
  onProgress?: (line: string) => void;
  timeoutMs?: number;
}

async function listAll(api: ApiClient, connectorId: string, kind: Kind): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.records.list.query({ connectorId, kind, limit: 200, cursor });
    rows.push(...(page.items as Row[]));
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

async function readableIds(api: ApiClient, connectorId: string, kind: 'issue' | 'comment', accountId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await api.records.asUser.query({ connectorId, kind, accountId, limit: 200, cursor });
    for (const item of page.items as Row[]) ids.add(String(item['externalId']));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/**
 * The demo, through the tRPC api only: create a tenant and an API-token connector for the simulator's first site,
 * run a full sync with live progress, then read back what was stored, as the operator and as individual users.
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const site = options.sim.sites[0]!;
  const tenantId = `demo-${randomUUID().slice(0, 8)}`;
  const connectorId = 'acme';
  const admin = createApiClient(options.apiUrl, options.adminKey);
  const { apiKey } = await admin.tenants.create.mutate({ tenantId, name: 'Demo tenant' });
  const api = createApiClient(options.apiUrl, apiKey.key);
  const { email, apiToken } = options.sim.credentials.admin;
  await api.connectors.create.mutate({ connectorId, name: site.name, siteUrl: site.siteUrl, auth: { method: 'api_token', email, apiToken } });
  options.sim.control.counters.reset();
  const run = await api.sync.start.mutate({ connectorId, mode: 'full' });

  const progressLines: string[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const status = await waitForSync(api, connectorId, deadline, run.temporalUiUrl, (line) => {
    progressLines.push(line);
    options.onProgress?.(line);
  });
  const result = status.result!;

  // The index app stores what the worker published; wait (bounded) until every synced project, issue and comment
  // is there, so the summary and the ACL examples read a complete store.
  const expectedIssues = result.projects.reduce((sum, project) => sum + project.issues, 0);
  const expectedComments = result.projects.reduce((sum, project) => sum + project.comments, 0);
  let issues = await listAll(api, connectorId, 'issue');
  const complete = async () =>
    issues.length >= expectedIssues &&
    (await listAll(api, connectorId, 'comment')).length >= expectedComments &&
    (await listAll(api, connectorId, 'project')).length >= result.projects.length;
  while (!(await complete()) && Date.now() < deadline) {
    await sleep(2_000);
    issues = await listAll(api, connectorId, 'issue');
  }
  const [comments, attachments, projects, users, groups] = await Promise.all(
    (['comment', 'attachment', 'project', 'user', 'group'] as const).map((kind) => listAll(api, connectorId, kind)),
  );
  const recordsByType = { issue: issues.length, comment: comments!.length, attachment: attachments!.length, project: projects!.length, user: users!.length, group: groups!.length };

  const withMarkdown = issues.find((issue) => descriptionOf(issue).trim().length > 0);
  const sample = withMarkdown ? await api.records.get.query({ connectorId, kind: 'issue', externalId: String(withMarkdown['externalId']) }) : undefined;

  const active = users!.filter((user) => user['active'] === true);
  const secured = issues.find((issue) => issue['securityLevel']);
  const hidden = comments!.find((comment) => comment['visibility']);
  const issueReaders: string[] = [];
  const commentReaders: string[] = [];
  for (const user of active) {
    const accountId = String(user['accountId']);
    const name = String(user['displayName'] ?? accountId);
    if (secured && (await readableIds(api, connectorId, 'issue', accountId)).has(String(secured['externalId']))) issueReaders.push(name);
    if (hidden && (await readableIds(api, connectorId, 'comment', accountId)).has(String(hidden['externalId']))) commentReaders.push(name);
  }

  const counters = options.sim.control.counters.snapshot();
  const incremental = await changeAndResync(api, options, connectorId, issues, deadline);
  const byRoute = new Map<string, number>();
  for (const row of counters) byRoute.set(`${row.method} ${row.path}`, (byRoute.get(`${row.method} ${row.path}`) ?? 0) + row.count);
  return {
    tenantId,
    connectorId,
    siteUrl: site.siteUrl,
    syncStatus: result.status,
    recordsByType,
    sampleIssue: sample ? { key: String(sample['key']), summary: String(sample['summary']), markdown: descriptionOf(sample) } : undefined,
    restrictedIssue: secured
      ? { key: String(secured['key']), securityLevel: String((secured['securityLevel'] as { name?: string; id: string }).name ?? (secured['securityLevel'] as { id: string }).id), readers: issueReaders }
      : undefined,
    restrictedComment: hidden
      ? { commentId: String(hidden['externalId']), issueId: String(hidden['issueId']), visibility: `${(hidden['visibility'] as { type: string }).type} ${(hidden['visibility'] as { value: string }).value}`, readers: commentReaders }
      : undefined,
    activeAccounts: active.length,
    diagnostics: result.diagnostics,
    progressLines,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    jiraRequests: counters.reduce((sum, row) => sum + row.count, 0),
    jiraRequestsByRoute: [...byRoute].map(([route, count]) => ({ route, count })).sort((a, b) => b.count - a.count),
    temporalUiUrl: status.temporalUiUrl,
    incremental,
  };
}

type SyncStatus = Awaited<ReturnType<ApiClient['sync']['status']['query']>>;

/** Polls the sync's status (its progress query) until the run ends; a run that did not complete is an error. */
async function waitForSync(api: ApiClient, connectorId: string, deadline: number, uiUrl: string, onLine: (line: string) => void): Promise<SyncStatus> {
  let last = '';
  let status = await api.sync.status.query({ connectorId });
  while (status.state === 'running') {
    const progress = status.progress;
    const line = progress
      ? `step ${progress.step}: ${progress.steps.map((step) => `${step.step} ${step.status}${step.count ? ` (${step.count})` : ''}`).join(', ')}` +
        (progress.projects.length ? `; projects ${progress.projects.map((project) => `${project.projectKey} ${project.status}`).join(', ')}` : '')
      : (status.error ?? 'waiting for a worker');
    if (line !== last) onLine((last = line));
    if (Date.now() > deadline) throw new Error('the sync did not finish in time; see the run in the Temporal UI: ' + uiUrl);
    await sleep(1_000);
    status = await api.sync.status.query({ connectorId });
  }
  if (status.state !== 'completed') throw new Error(`the sync ended ${status.state}: ${status.error ?? ''}; see ${uiUrl}`);
  return status;
}

/**
 * Changes the site as its users would (an edited summary, a new comment), then lets the next sync
 * (auto: incremental from the checkpoints) pick them up, and reads back what the store shows.
 */
async function changeAndResync(api: ApiClient, options: DemoOptions, connectorId: string, issues: Row[], deadline: number): Promise<DemoSummary['incremental']> {
  const [edited] = [...issues].sort((left, right) => String(left['key']).localeCompare(String(right['key']), 'en', { numeric: true }));
  if (!edited) return undefined;
  const control = options.sim.control;
  const editedKey = String(edited['key']);
  const summary = `${String(edited['summary'])} (edited after the full sync)`;
  control.issues.update(editedKey, { summary });
  const comment = control.comments.add(editedKey, { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A comment added after the full sync.' }] }] } });
  control.counters.reset();
  const started = Date.now();
  const run = await api.sync.start.mutate({ connectorId, mode: 'auto' });
  const status = await waitForSync(api, connectorId, deadline, run.temporalUiUrl, (line) => options.onProgress?.(`incremental: ${line}`));
  const jiraRequests = control.counters.total();
  // The index app applies the events a moment after the run ends: wait (bounded) until the store shows all three.
  const read = async () => {
    const issue = await api.records.get.query({ connectorId, kind: 'issue', externalId: String(edited['externalId']) }).catch(() => undefined);
    const storedComment = await api.records.get.query({ connectorId, kind: 'comment', externalId: comment.id }).then(() => true, () => false);
    return { storedSummary: issue ? String(issue['summary']) : undefined, storedComment };
  };
  let seen = await read();
  while ((seen.storedSummary !== summary || !seen.storedComment) && Date.now() < deadline) {
    await sleep(1_000);
    seen = await read();
  }
  return {
    mode: run.mode,
    status: status.result?.status,
    editedIssue: { key: editedKey, summary, storedSummary: seen.storedSummary },
    addedComment: { commentId: comment.id, stored: seen.storedComment },
    seconds: Math.round((Date.now() - started) / 100) / 10,
    jiraRequests,
    temporalUiUrl: status.temporalUiUrl,
  };
}

/** An issue's description: the Markdown of its block group 0, the one place a record carries it. */
function descriptionOf(issue: Record<string, unknown>): string {
  const groups = Array.isArray(issue['blockGroups']) ? (issue['blockGroups'] as Array<{ index?: unknown; markdown?: unknown }>) : [];
  const description = groups.find((group) => group.index === 0);
  return typeof description?.markdown === 'string' ? description.markdown : '';
}

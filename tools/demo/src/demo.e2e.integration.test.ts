import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps, type RunningApps } from './app-processes.js';
import { findFreePort } from './free-port.js';
import { printSummary } from './print-summary.js';
import { runDemo, type DemoSummary } from './real-demo.js';

let apps: RunningApps;
let sim: JiraSimulator;
let summary: DemoSummary;
const isolation = randomUUID().slice(0, 8);
const adminKey = randomBytes(32).toString('base64url');

beforeAll(async () => {
  sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
  // Own task queue, consumer group, database and metrics ports, so the test never meets a developer's running apps.
  apps = await startApps({
    env: { TEMPORAL_TASK_QUEUE: `e2e-${isolation}`, KAFKA_GROUP_ID: `e2e-${isolation}`, MONGODB_DB: `e2e_${isolation}`, LOG_LEVEL: 'warn', API_ADMIN_KEY: adminKey, CODEC_PORT: '0' },
    apiPort: await findFreePort(),
    logDir: mkdtempSync(join(tmpdir(), 'jira-sync-e2e-')),
  });
  summary = await runDemo({ apiUrl: apps.apiUrl, adminKey, sim, timeoutMs: 900_000 });
}, 1_200_000);

afterAll(async () => {
  await apps?.stop();
  await sim?.stop();
});

describe('the demo: a real sync through the api, across real processes and servers', () => {
  it('picks up an edit and a new comment made in Jira after the full sync with an incremental sync', () => {
    const incremental = summary.incremental!;
    expect(incremental.mode).toBe('incremental');
    expect(incremental.status).toBe('completed');
    expect(incremental.editedIssue.storedSummary).toBe(incremental.editedIssue.summary);
    expect(incremental.addedComment.stored).toBe(true);
    // Far fewer requests than the full sync: the checkpoints bound what is read again.
    expect(incremental.jiraRequests).toBeLessThan(summary.jiraRequests);
  });

  it('stores every issue, comment and attachment the syncing account can read (ground truth)', () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const me = sim.credentials.admin.accountId;
    const visible = (list: Array<{ acl: { readers?: string[] } }>) => list.filter((item) => item.acl.readers?.includes(me)).length;
    expect(summary.syncStatus).toBe('completed');
    // The counts are the full sync's; the comment the demo adds afterwards is in today's truth but not in them.
    const added = summary.incremental?.addedComment.commentId;
    const comments = truth.comments.filter((comment) => comment.id !== added);
    expect(summary.recordsByType).toMatchObject({ issue: visible(truth.issues), comment: visible(comments), attachment: visible(truth.attachments), project: truth.projects.length });
  });

  it('shows a real issue as Markdown and who may read a restricted issue and a restricted comment', () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const names = new Map(truth.users.map((user) => [user.accountId, user.displayName]));
    expect(summary.sampleIssue?.markdown.length).toBeGreaterThan(0);
    const issue = truth.issues.find((candidate) => candidate.key === summary.restrictedIssue?.key)!;
    expect(summary.restrictedIssue?.readers.sort()).toEqual((issue.acl.readers ?? []).map((id) => names.get(id)).sort());
    expect(summary.restrictedIssue!.readers.length).toBeLessThan(summary.activeAccounts);
    const comment = truth.comments.find((candidate) => candidate.id === summary.restrictedComment?.commentId)!;
    expect(summary.restrictedComment?.readers.sort()).toEqual((comment.acl.readers ?? []).map((id) => names.get(id)).sort());
  });

  it('reports the hidden-email diagnostic, the Jira requests made and the Temporal UI link', () => {
    const hidden = /(\d+) accounts hide their email/.exec(summary.diagnostics.join('\n'));
    expect(Number(hidden?.[1])).toBeGreaterThan(0);
    expect(summary.jiraRequests).toBeGreaterThan(0);
    expect(summary.jiraRequestsByRoute.reduce((sum, row) => sum + row.count, 0)).toBe(summary.jiraRequests);
    expect(summary.temporalUiUrl).toMatch(/^http:\/\/127\.0\.0\.1:8233\/namespaces\/default\/workflows\/sync%3Ademo-/);
    const lines: string[] = [];
    printSummary(summary, (line) => lines.push(line));
    expect(lines.join('\n')).toContain(summary.restrictedIssue!.key);
  });
});

import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOPIC_SPECS } from '@jira-sync/contracts';
import { createKafka, ensureTopics, waitForConsumerCaughtUp } from '@jira-sync/events';
import { startApps, type RunningApps } from '@jira-sync/demo/app-processes';
import { findFreePort } from '@jira-sync/demo/free-port';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { runCli } from './main.js';
import type { CliIo } from './output.js';

let apps: RunningApps;
let sim: JiraSimulator;
const isolation = randomUUID().slice(0, 8);
const adminKey = randomBytes(32).toString('base64url');
const tenantId = `cli-${isolation}`;
// Its own topics and consumer group: the shared default topic holds every event earlier runs published.
const names = { topic: `cli.records.${isolation}`, deadLetter: `cli.records.${isolation}.dlq`, group: `cli-${isolation}` };
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: `cli-test-${isolation}` });
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'jira-sync.mjs');

/** Runs one command line in process, capturing what it printed. */
async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), isTTY: false, env };
  const code = await runCli(['--api-url', apps.apiUrl, ...args], { io, pollMs: 250 });
  return { code, out, err };
}

let apiKey = '';
const asTenant = (...args: string[]) => ['--api-key', apiKey, ...args];

beforeAll(async () => {
  const [records, deadLetter] = TOPIC_SPECS;
  await ensureTopics(kafka, [
    { ...records!, topic: names.topic },
    { ...deadLetter!, topic: names.deadLetter },
  ]);
  sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
  apps = await startApps({
    env: { TEMPORAL_TASK_QUEUE: `cli-${isolation}`, KAFKA_GROUP_ID: names.group, KAFKA_RECORDS_TOPIC: names.topic, KAFKA_RECORDS_DLQ_TOPIC: names.deadLetter, MONGODB_DB: `cli_${isolation}`, LOG_LEVEL: 'warn', API_ADMIN_KEY: adminKey, CODEC_PORT: '0' },
    apiPort: await findFreePort(),
    logDir: mkdtempSync(join(tmpdir(), 'jira-sync-cli-')),
  });
  const created = await cli(['--api-key', adminKey, '--json', 'tenants', 'create', tenantId, '--name', 'CLI test']);
  expect(created.code, created.err).toBe(EXIT.ok);
  apiKey = (JSON.parse(created.out) as { apiKey: { key: string } }).apiKey.key;
}, 300_000);

afterAll(async () => {
  await apps?.stop();
  await sim?.stop();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([names.group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [names.topic, names.deadLetter] }).catch(() => undefined);
  await admin.disconnect();
});

describe('the jira-sync command against the real api, worker and index', () => {
  it('refuses a bad site URL with the field named and exit status 2, and stores nothing', async () => {
    const refused = await cli(asTenant('connectors', 'create', 'bad', '--site-url', 'ftp://example.test', '--email', 'a@b.test'), { JIRA_API_TOKEN: 'x' });
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.err).toMatch(/siteUrl: /);
    const listed = await cli(asTenant('--json', 'connectors', 'list'));
    expect(JSON.parse(listed.out)).toEqual([]);
  });

  it('reads the API token from the environment only, and says which variable to set', async () => {
    const missing = await cli(asTenant('connectors', 'create', 'demo', '--site-url', sim.sites[0]!.siteUrl, '--email', sim.credentials.admin.email));
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toContain('set the environment variable JIRA_API_TOKEN');
  });

  it('creates a connector, follows a full sync to its end and shows its outcome, history and records', async () => {
    const admin = sim.credentials.admin;
    const created = await cli(asTenant('connectors', 'create', 'demo', '--site-url', sim.sites[0]!.siteUrl, '--email', admin.email), { JIRA_API_TOKEN: admin.apiToken });
    expect(created.code, created.err).toBe(EXIT.ok);
    expect(created.out).not.toContain(admin.apiToken);

    const followed = await cli(asTenant('sync', 'start', 'demo', '--full', '--follow'));
    expect(followed.code, followed.out + followed.err).toBe(EXIT.ok);
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    // Live lines while it ran, then the outcome table with every project completed.
    expect(followed.out).toMatch(/^step issues: running$/m);
    for (const project of truth.projects) expect(followed.out).toMatch(new RegExp(`│ ${project.key} +│ completed`));
    expect(followed.out).toMatch(/outcome: completed/);

    const status = await cli(asTenant('--json', 'sync', 'status', 'demo'));
    const view = JSON.parse(status.out) as { state: string; result: { projects: Array<{ issues: number }> } };
    expect(view.state).toBe('completed');
    const visibleIssues = truth.issues.filter((issue) => issue.acl.readers?.includes(admin.accountId)).length;
    expect(view.result.projects.reduce((sum, project) => sum + project.issues, 0)).toBe(visibleIssues);

    const history = await cli(asTenant('sync', 'history', 'demo'));
    expect(history.code).toBe(EXIT.ok);
    expect(history.out).toContain('completed');

    // The index app stores what the worker published a moment after the workflow ends: wait (bounded) for it.
    await waitForConsumerCaughtUp(kafka, { groupId: names.group, topic: names.topic, timeoutMs: 300_000, pollMs: 500 });
    const page = await cli(asTenant('--json', 'records', 'list', 'demo', '--kind', 'issue', '--limit', '200'));
    expect((JSON.parse(page.out) as { items: unknown[] }).items).toHaveLength(Math.min(200, visibleIssues));

    const restricted = truth.issues.find((issue) => issue.acl.readers && !issue.acl.readers.includes(truth.users.find((user) => user.active && user.accountId !== admin.accountId)!.accountId));
    const reader = truth.users.find((user) => user.active && user.accountId !== admin.accountId)!;
    const mine = await cli(asTenant('--json', 'records', 'as-user', 'demo', '--account-id', reader.accountId, '--limit', '200'));
    const readable = (JSON.parse(mine.out) as { items: Array<{ key: string }> }).items.map((item) => item.key);
    const expected = truth.issues.filter((issue) => issue.acl.readers?.includes(reader.accountId) && issue.acl.readers.includes(admin.accountId)).map((issue) => issue.key);
    expect(readable.sort()).toEqual(expected.slice(0, 200).sort());
    if (restricted) expect(readable).not.toContain(restricted.key);
  }, 900_000);

  it('answers exit status 4 for what does not exist, 3 for a wrong key, and 2 for a bad command line', async () => {
    const missing = await cli(asTenant('connectors', 'get', 'nope'));
    expect(missing.code).toBe(EXIT.notFound);
    expect(missing.err).toContain("'nope'");
    const wrongKey = await cli(['--api-key', 'jsk_wrong', 'connectors', 'list']);
    expect(wrongKey.code).toBe(EXIT.auth);
    expect(wrongKey.err).toContain('JIRA_SYNC_API_KEY');
    const badKind = await cli(asTenant('records', 'get', 'demo', 'issues', '1'));
    expect(badKind.code).toBe(EXIT.usage);
    const unknown = await cli(asTenant('connectors', 'frobnicate'));
    expect(unknown.code).toBe(EXIT.usage);
  });

  it('deletes a connector only when confirmed, after which it is gone', async () => {
    const unconfirmed = await cli(asTenant('connectors', 'delete', 'demo'));
    expect(unconfirmed.code).toBe(EXIT.usage);
    expect((await cli(asTenant('connectors', 'get', 'demo'))).code).toBe(EXIT.ok);
    expect((await cli(asTenant('connectors', 'delete', 'demo', '--yes'))).code).toBe(EXIT.ok);
    expect((await cli(asTenant('connectors', 'get', 'demo'))).code).toBe(EXIT.notFound);
  });

  it('runs as the workspace bin, with help and an exit status that says a key is missing', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('connectors');
    const env = { ...process.env, JIRA_SYNC_API_KEY: '' };
    const unauthorised = spawnSync(process.execPath, [bin, '--api-url', apps.apiUrl, 'connectors', 'list'], { encoding: 'utf8', env });
    expect(unauthorised.status).toBe(EXIT.auth);
    expect(unauthorised.stderr).toContain('jira-sync: ');
  }, 60_000);
});

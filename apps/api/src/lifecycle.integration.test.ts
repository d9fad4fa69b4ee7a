import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafka, fetchTopicOffsets, waitForConsumerCaughtUp } from '@jira-sync/events';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { Connection } from '@temporalio/client';
import { TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, type AppRouter } from './routers/_app.js';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';
import { startSyncApps, type SyncApps } from './testing/sync-apps.test-support.js';

let sim: JiraSimulator;
let api: ApiHarness;
let apps: SyncApps;
let keyA: string;
let keyB: string;
const connectorId = 'jira-main';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(500);
  }
}

beforeAll(async () => {
  sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
  api = await startApiHarness();
  apps = startSyncApps({ TEMPORAL_TASK_QUEUE: api.taskQueue, MONGODB_DB: api.dbName, KAFKA_GROUP_ID: api.dbName });
  const admin = api.caller(api.adminKey);
  keyA = (await admin.tenants.create({ tenantId: 'tenant-a', name: 'Tenant A' })).apiKey.key;
  keyB = (await admin.tenants.create({ tenantId: 'tenant-b', name: 'Tenant B' })).apiKey.key;
}, 180_000);

afterAll(async () => {
  const debugFile = process.env['API_TEST_DEBUG_FILE'];
  if (debugFile) writeFileSync(debugFile, `${api?.logs() ?? ''}\n${apps?.output() ?? ''}`);
  await apps?.stop();
  await api?.stop();
  await sim?.stop();
});

describe('tenants and API keys', () => {
  it('needs the administrator key to create a tenant, and refuses a duplicate id', async () => {
    await expect(api.caller(keyA).tenants.create({ tenantId: 'tenant-c', name: 'C' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.caller(api.adminKey).tenants.create({ tenantId: 'tenant-a', name: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('issues keys shown once, lists them without secrets, and a revoked key stops working at once', async () => {
    const issued = await api.caller(keyA).apiKeys.issue({ name: 'ci' });
    expect(issued.key).toMatch(/^jsk_/);
    const listed = await api.caller(keyA).apiKeys.list();
    expect(listed.map((key) => key.name)).toEqual(['initial', 'ci']);
    const secretPart = issued.key.slice(-43);
    expect(JSON.stringify(listed)).not.toContain(secretPart);
    const stored = await api.store.db.collection('api_keys').find().toArray();
    expect(stored.length).toBe(3);
    expect(JSON.stringify(stored)).not.toContain(secretPart);
    expect((await api.caller(issued.key).connectors.list()).length).toBe(0);
    await api.caller(keyA).apiKeys.revoke({ keyId: issued.keyId });
    await expect(api.caller(issued.key).connectors.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('revoked') });
    await expect(api.caller().connectors.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('the connector lifecycle on the real stack', () => {
  it('rejects a bad site URL with the field named and the corrected value', async () => {
    const client = api.client(keyA);
    const failure = await client.connectors.create
      .mutate({ connectorId, siteUrl: 'http://acme.atlassian.net/jira/', auth: { method: 'api_token', email: 'ops@example.com', apiToken: 'x' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TRPCClientError);
    const data = (failure as TRPCClientError<AppRouter>).data;
    expect(data?.code).toBe('BAD_REQUEST');
    expect((data?.zodError?.fieldErrors as Record<string, string[]>)['siteUrl']?.[0]).toContain('Use https://acme.atlassian.net');
    const email = await client.connectors.create
      .mutate({ connectorId, siteUrl: sim.sites[0]!.siteUrl, auth: { method: 'api_token', email: 'not-an-email', apiToken: 'x' } })
      .then(() => undefined, (error: unknown) => error as TRPCClientError<AppRouter>);
    expect((email?.data?.zodError?.fieldErrors as Record<string, string[]>)['auth']?.join()).toContain('email');
  });

  it('creates, gets, lists and updates an API-token connector without ever answering its token', async () => {
    const client = api.client(keyA);
    const { email, apiToken } = sim.credentials.admin;
    const created = await client.connectors.create.mutate({ connectorId, name: 'Acme', siteUrl: sim.sites[0]!.siteUrl, auth: { method: 'api_token', email, apiToken } });
    expect(created).toMatchObject({ connectorId, authMethod: 'api_token', indexingFilters: { issues: true, attachments: true } });
    const again = client.connectors.create.mutate({ connectorId, siteUrl: sim.sites[0]!.siteUrl, auth: { method: 'api_token', email, apiToken } });
    await expect(again).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
    expect(await client.connectors.get.query({ connectorId })).toEqual(created);
    expect(await client.connectors.list.query()).toEqual([created]);
    const updated = await client.connectors.update.mutate({ connectorId, name: 'Acme Jira' });
    expect(updated.name).toBe('Acme Jira');
    expect(JSON.stringify([created, updated])).not.toContain(apiToken);
    expect(await api.caller(keyB).connectors.list()).toEqual([]);
  });

  it('syncs through the api: a second start attaches, status reports the result, records match the ground truth', async () => {
    const client = api.client(keyA);
    const first = await client.sync.start.mutate({ connectorId, mode: 'full' });
    const second = await client.sync.start.mutate({ connectorId });
    expect(first.mode).toBe('full');
    expect(second).toMatchObject({ runId: first.runId, attached: true });
    const status = await until('the sync to finish', async () => {
      const current = await client.sync.status.query({ connectorId });
      if (current.progress) expect(current.progress.connectorId).toBe(connectorId);
      return current.state === 'running' ? undefined : current;
    });
    expect(status.state).toBe('completed');
    expect(status.result?.status).toBe('completed');
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const visibleIssues = truth.issues.filter((issue) => issue.acl.readers?.includes(adminId)).map((issue) => issue.id).sort();
    const listAll = async (kind: 'issue' | 'comment') => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.records.list.query({ connectorId, kind, limit: 7, cursor });
        ids.push(...page.items.map((item) => String(item['externalId'])));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const issues = await until('the index app to store every issue', async () => {
      const ids = await listAll('issue');
      return ids.length === visibleIssues.length ? ids : undefined;
    });
    expect(issues).toEqual(visibleIssues);
    const first3 = truth.projects[0]!.key;
    const inProject = await client.records.list.query({ connectorId, projectKey: first3, limit: 200 });
    expect(inProject.items.length).toBe(truth.issues.filter((issue) => issue.projectId === truth.projects[0]!.id && issue.acl.readers?.includes(adminId)).length);
    const one = await client.records.get.query({ connectorId, kind: 'issue', externalId: issues[0]! });
    expect(one['externalId']).toBe(issues[0]);
    await expect(client.records.get.query({ connectorId, kind: 'issue', externalId: 'nope' })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  }, 400_000);

  it("answers records as a user with exactly what each active account may read (ground truth)", async () => {
    const client = api.client(keyA);
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const mismatches: string[] = [];
    for (const user of truth.users.filter((candidate) => candidate.active)) {
      for (const [kind, list] of [['issue', truth.issues], ['comment', truth.comments]] as const) {
        const expected = list.filter((item) => item.acl.readers?.includes(adminId) && item.acl.readers.includes(user.accountId)).map((item) => item.id).sort();
        const page = await client.records.asUser.query({ connectorId, kind, accountId: user.accountId, limit: 200 });
        const ours = page.items.map((item) => String(item['externalId']));
        if (JSON.stringify(ours) !== JSON.stringify(expected)) mismatches.push(`${user.accountId} ${kind}: ${ours.length} vs ${expected.length}`);
      }
    }
    expect(mismatches).toEqual([]);
    const visibleEmail = truth.users.find((user) => user.active && user.emailVisible && user.email)!;
    const byEmail = await client.records.asUser.query({ connectorId, email: visibleEmail.email!.toUpperCase(), limit: 1 });
    expect(byEmail.accountId).toBe(visibleEmail.accountId);
    const hidden = truth.users.find((user) => user.active && !user.emailVisible && user.email);
    if (hidden) await expect(client.records.asUser.query({ connectorId, email: hidden.email! })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  }, 300_000);

  it('lists the run in the history with per-project counts, and auto picks incremental only while the filters stay', async () => {
    const client = api.client(keyA);
    const history = await until('the run to be visible', async () => {
      const runs = await client.sync.history.query({ connectorId });
      return runs.some((run) => run.workflowStatus === 'COMPLETED') ? runs : undefined;
    }, 60_000);
    const done = history.find((run) => run.workflowStatus === 'COMPLETED')!;
    expect(done.syncStatus).toBe('completed');
    expect(done.projects?.reduce((sum, project) => sum + project.issues, 0)).toBeGreaterThan(0);
    const incremental = await client.sync.start.mutate({ connectorId });
    expect(incremental.mode).toBe('incremental');
    const cancelled = await client.sync.cancel.mutate({ connectorId });
    const ended = await until('the cancelled run to end', async () => {
      const current = await client.sync.status.query({ connectorId });
      return current.state === 'running' ? undefined : current;
    });
    if (cancelled.cancelled) expect(ended.state).toBe('cancelled');
    await client.connectors.update.mutate({ connectorId, syncFilters: { projects: { operator: 'in', keys: [sim.control.groundTruth().projects[0]!.key] } } });
    const after = await client.sync.start.mutate({ connectorId });
    expect(after.mode).toBe('full');
    await client.sync.cancel.mutate({ connectorId });
  }, 300_000);
});

describe('tenant isolation', () => {
  // Every procedure, by path, with an input naming tenant A's connector (or key). A procedure missing here fails
  // the walk below, so a new one cannot skip the check.
  const inputs: Record<string, unknown> = {
    'connectors.get': { connectorId },
    'connectors.update': { connectorId, name: 'stolen' },
    'connectors.delete': { connectorId },
    'connectors.test': { connectorId },
    'connectors.projectOptions': { connectorId, query: 'a' },
    'connectors.diagnostics': { connectorId },
    'oauth.start': { connectorId },
    'oauth.reauthenticate': { connectorId },
    'oauth.status': { connectorId, verify: true },
    'configure.save': { connectorId, strategy: 'scheduled', intervalMinutes: 30 },
    'sync.start': { connectorId },
    'sync.status': { connectorId },
    'sync.cancel': { connectorId },
    'sync.history': { connectorId },
    'records.list': { connectorId },
    'records.get': { connectorId, kind: 'issue', externalId: '10000' },
    'records.asUser': { connectorId, accountId: 'x' },
  };
  // Procedures that take no id of another tenant: what they may touch is checked by name.
  const tenantWide = new Set(['health.check', 'tenants.create', 'apiKeys.issue', 'apiKeys.list', 'apiKeys.revoke', 'connectors.create', 'connectors.list']);

  it("answers NOT_FOUND for every procedure called with another tenant's ids", async () => {
    const procedures = Object.keys(appRouterProcedures());
    const unchecked = procedures.filter((path) => !(path in inputs) && !tenantWide.has(path));
    expect(unchecked).toEqual([]);
    const caller = api.caller(keyB) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    for (const [path, input] of Object.entries(inputs)) {
      const [group, name] = path.split('.') as [string, string];
      const outcome = await caller[group]![name]!(input).then(() => 'answered', (error: unknown) => (error instanceof TRPCError ? error.code : String(error)));
      expect({ path, outcome }).toEqual({ path, outcome: 'NOT_FOUND' });
    }
    const keyIdOfA = (await api.caller(keyA).apiKeys.list())[0]!.keyId;
    await expect(api.caller(keyB).apiKeys.revoke({ keyId: keyIdOfA })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.caller(keyB).apiKeys.list()).map((key) => key.keyId)).not.toContain(keyIdOfA);
    // tenant A's connector is untouched
    expect((await api.caller(keyA).connectors.get({ connectorId })).name).toBe('Acme Jira');
  });
});

describe('limits and errors', () => {
  it('answers 413 to a body over the limit, before any procedure runs', async () => {
    const response = await fetch(`${api.apiUrl}/connectors.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyA}` },
      body: JSON.stringify({ connectorId: 'big', siteUrl: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it('rate limits per API key, so one tenant cannot starve another', async () => {
    const limited = await startApiHarness({ rateLimitPerMinute: 3 });
    try {
      const admin = limited.caller(limited.adminKey);
      const a = (await admin.tenants.create({ tenantId: 'busy', name: 'Busy' })).apiKey.key;
      const b = (await admin.tenants.create({ tenantId: 'calm', name: 'Calm' })).apiKey.key;
      for (let i = 0; i < 3; i++) await limited.caller(a).connectors.list();
      await expect(limited.caller(a).connectors.list()).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('retry in') });
      expect(await limited.caller(b).connectors.list()).toEqual([]);
    } finally {
      await limited.stop();
    }
  });
});

describe('deleting a connector, then the secrets scan', () => {
  it('removes the connector and every record, file and checkpoint of it', async () => {
    const client = api.client(keyA);
    // A cancelled run's activity stops at its next heartbeat; what it published before must be applied before the
    // delete, or it lands after it. Wait until no run is open, Jira requests hold still, and the index app has
    // consumed the records topic to its end.
    await until('no sync to run', async () => ((await client.sync.status.query({ connectorId })).state === 'running' ? undefined : true));
    const samples: number[] = [];
    await until('the worker to go quiet', async () => {
      samples.push(sim.control.counters.total());
      await sleep(2_000);
      return samples.length >= 3 && samples.slice(-3).every((sample) => sample === samples.at(-1)) ? true : undefined;
    });
    await waitForConsumerCaughtUp(createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'api-test' }), { groupId: api.dbName, topic: 'jira-sync.records.v1', timeoutMs: 240_000 });
    const deleted = await client.connectors.delete.mutate({ connectorId });
    expect(deleted.deleted.records).toBeGreaterThan(0);
    await expect(client.connectors.get.query({ connectorId })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    const left: Record<string, number> = {};
    for (const info of await api.store.db.listCollections().toArray()) {
      const filter = info.name.startsWith('attachment_content') ? {} : { connectorId };
      const count = await api.store.db.collection(info.name).countDocuments(filter);
      if (count > 0) left[info.name] = count;
    }
    expect(left).toEqual({});
  }, 420_000);

  it('finds no token or API key in clear text in MongoDB, the raw Temporal history, Kafka or the logs', async () => {
    const secrets = [sim.credentials.admin.apiToken, keyA, keyB, api.adminKey];
    const dump = [];
    for (const info of await api.store.db.listCollections().toArray()) dump.push(JSON.stringify(await api.store.db.collection(info.name).find().toArray()));
    // Raw through the service, without the data converter: the payloads as Temporal stores them.
    const connection = await Connection.connect({ address: '127.0.0.1:7233' });
    let histories = 0;
    try {
      const query = `TenantId = 'tenant-a' AND ConnectorId = '${connectorId}'`;
      const listed = await connection.workflowService.listWorkflowExecutions({ namespace: 'default', query, pageSize: 100 });
      for (const execution of listed.executions) {
        const history = await connection.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: execution.execution });
        dump.push(textOf(history));
        histories++;
      }
    } finally {
      await connection.close();
    }
    expect(histories).toBeGreaterThanOrEqual(3);
    dump.push(await readTopic('jira-sync.records.v1'));
    dump.push(api.logs(), apps.output());
    const text = dump.join('\n');
    expect(text.length).toBeGreaterThan(1000);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  }, 120_000);
});

/** Every string and every byte array (as UTF-8) inside a protobuf message, for a clear-text search. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('\n');
  return '';
}

function appRouterProcedures(): Record<string, unknown> {
  return (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures;
}

async function readTopic(topic: string): Promise<string> {
  const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'api-secrets-scan' });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await fetchTopicOffsets(admin, topic);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `api-secrets-scan-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let text = '';
  const remaining = new Map(offsets.filter((row) => row.high !== row.low).map((row) => [row.partition, BigInt(row.high) - 1n]));
  await new Promise<void>((resolve, reject) => {
    if (remaining.size === 0) return resolve();
    const timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end`)), 60_000);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        text += `${message.key?.toString() ?? ''} ${message.value?.toString() ?? ''}\n`;
        if (BigInt(message.offset) >= (remaining.get(partition) ?? -1n)) remaining.delete(partition);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return text;
}

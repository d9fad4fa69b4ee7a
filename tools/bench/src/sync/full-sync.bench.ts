/**
 * Benchmark (not a test): a full sync end to end, trigger to last record indexed, against the raw floor of the same
 * run. The real worker and index apps run as their own processes (on a task queue, topic, consumer group and
 * database of this run's own); the bench starts syncConnectorWorkflow through the Temporal client, waits for its
 * result and then until the index app has consumed every event. The raw floor pages every issue with the same JQL
 * and fields the activity uses and insertMany's the raw JSON into the same server, nothing else.
 * The apps run as built (`dist/main.js`, with the prebuilt workflow bundle), as the images run them: the bench builds
 * them first (nx skips what is up to date). `--source` runs `src/main.ts` through tsx instead, as `npm start` does.
 * Besides rates it prints the CPU seconds each process used during the sync (the apps, the simulator in this process,
 * and the stack's servers), which says where the time went on a machine whose cores are all busy.
 * Run: npm run bench -w @jira-sync/bench -- src/sync/full-sync.bench.ts [--preset medium|large] [--keep] [--index-timeout-minutes 30] [--profile] [--source]
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectIssuesJql, SYSTEM_FIELDS } from '@jira-sync/activities';
import { MAX_RECORD_EVENT_BYTES, syncWorkflowId, ZConnectorConfigSchema } from '@jira-sync/contracts';
import { createKafka, ensureTopics, waitForConsumerCaughtUp } from '@jira-sync/events';
import { createApiTokenClient } from '@jira-sync/jira-client';
import { startSimulator, type PresetName } from '@jira-sync/jira-sim';
import { AttachmentContentStore, ConnectorRepository, CredentialSealer, connectStore } from '@jira-sync/store';
import { createDataConverter, encryptionFor } from '@jira-sync/temporal';
import { Client, Connection } from '@temporalio/client';
import { processCpuSeconds, startBenchApp, type BenchApp } from './bench-app.js';

const { values } = parseArgs({ options: { preset: { type: 'string', default: 'medium' }, keep: { type: 'boolean', default: false }, 'index-timeout-minutes': { type: 'string', default: '30' }, profile: { type: 'boolean', default: false }, source: { type: 'boolean', default: false } } });
const built = !values.source;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
if (built) {
  // What the images run: the apps and their libraries compiled, and the worker's workflow bundle.
  const npx = (args: string[]) => execFileSync('npx', args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  npx(['nx', 'run-many', '-t', 'build', '-p', '@jira-sync/worker', '@jira-sync/index', '--outputStyle=static']);
  npx(['nx', 'run', '@jira-sync/worker:bundle-workflows', '--outputStyle=static']);
}
const preset = values.preset as PresetName;
const run = randomUUID().slice(0, 8);
const names = {
  tenantId: `bench-${run}`,
  connectorId: 'jira',
  db: `bench_full_${run}`,
  topic: `bench.records.${run}`,
  group: `bench-index-${run}`,
  taskQueue: `bench-full-sync-${run}`,
};
const logDir = join(tmpdir(), `jira-sync-full-sync-bench-${run}`);
mkdirSync(logDir, { recursive: true });
const keyRing = `bench:${randomBytes(32).toString('base64')}`;
const encryption = encryptionFor({ development: true, keyRing: { reveal: () => keyRing } });
const cleanups: Array<() => Promise<unknown>> = [];
// Interrupted: stop the apps and drop what this run wrote before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
const mib = (bytes: number) => `${Math.round(bytes / 1_048_576)} MiB`;

let buildSeconds = performance.now();
const sim = await startSimulator({ preset, seed: 1, searchLagMs: 0 });
buildSeconds = (performance.now() - buildSeconds) / 1000;
cleanups.push(() => sim.stop());
const site = sim.sites[0]!;
const admin = sim.credentials.admin;
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: `bench-${run}` });
const store = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: names.db, appName: 'jira-sync-bench' });
cleanups.push(async () => {
  if (!values.keep) await store.db.dropDatabase();
  await store.close();
});

try {
  const connectors = new ConnectorRepository(store.db, new CredentialSealer({ currentKeyId: encryption.currentKeyId, keys: new Map(encryption.keys) }));
  await connectors.ensureIndexes();
  await connectors.create(
    { tenantId: names.tenantId, connectorId: names.connectorId, siteUrl: site.siteUrl, authMethod: 'api_token' },
    { method: 'api_token', email: admin.email, apiToken: admin.apiToken },
  );
  const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
  await ensureTopics(kafka, [
    { topic: names.topic, numPartitions: 6, configEntries },
    { topic: `${names.topic}.dlq`, numPartitions: 1, configEntries },
  ]);
  cleanups.push(async () => {
    if (values.keep) return;
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([names.group]).catch(() => undefined);
    await admin.deleteTopics({ topics: [names.topic, `${names.topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  });

  const common = { NODE_ENV: 'development', LOG_LEVEL: 'info', MONGODB_DB: names.db, KAFKA_RECORDS_TOPIC: names.topic };
  const apps: BenchApp[] = [];
  // --profile: each app writes <app>.cpuprofile into the log folder when it stops.
  const profiling = values.profile ? { cpuProfileDir: logDir } : {};
  cleanups.push(() => Promise.all(apps.map((app) => app.stop())));
  const [worker, index] = await Promise.all([
    startBenchApp('worker', {
      logDir,
      readyMessage: 'worker polling',
      built,
      ...profiling,
      env: { ...common, TEMPORAL_TASK_QUEUE: names.taskQueue, JIRA_ALLOW_INSECURE_LOOPBACK: 'true', JIRA_SYNC_ENCRYPTION_KEYS: keyRing, METRICS_PORT: '0', TEMPORAL_METRICS_ADDRESS: 'off' },
    }),
    startBenchApp('index', { logDir, readyMessage: 'index consuming', built, ...profiling, env: { ...common, METRICS_PORT: '0', KAFKA_GROUP_ID: names.group, KAFKA_RECORDS_DLQ_TOPIC: `${names.topic}.dlq` } }),
  ]);
  apps.push(worker, index);
  const startedRss = { worker: await worker.peakRss(), index: await index.peakRss() };

  // The raw floor: the activity's JQL and field list, one project after another, each page insertMany'd as is.
  const client = createApiTokenClient({ siteUrl: site.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true });
  const config = ZConnectorConfigSchema.parse({ tenantId: names.tenantId, connectorId: names.connectorId, siteUrl: site.siteUrl, authMethod: 'api_token' });
  sim.control.counters.reset();
  let begin = performance.now();
  const fieldIds = (await client.fields()).map((field) => field.id).filter((id) => id.startsWith('customfield_'));
  const floorCollection = store.db.collection('bench_raw_floor');
  let floorIssues = 0;
  for await (const project of client.projects({ pageSize: 100 })) {
    let page: Array<Record<string, unknown>> = [];
    for await (const issue of client.searchIssues({ jql: projectIssuesJql(project.id, config.syncFilters), fields: [...SYSTEM_FIELDS, ...fieldIds], maxResults: 100 })) {
      page.push({ ...issue });
      if (page.length === 100) {
        await floorCollection.insertMany(page);
        floorIssues += page.length;
        page = [];
      }
    }
    if (page.length > 0) await floorCollection.insertMany(page);
    floorIssues += page.length;
  }
  const floorSeconds = (performance.now() - begin) / 1000;
  const floorRequests = sim.control.counters.total();
  await floorCollection.drop();

  // The sync: trigger to last record indexed.
  const connection = await Connection.connect({ address: '127.0.0.1:7233' });
  cleanups.push(() => connection.close());
  const temporal = new Client({ connection, dataConverter: createDataConverter(encryption) });
  let peak = { worker: 0, index: 0 };
  const sampler = setInterval(() => {
    void Promise.all([worker.rss(), index.rss()]).then(([w, i]) => (peak = { worker: Math.max(peak.worker, w), index: Math.max(peak.index, i) }));
  }, 250);
  sim.control.counters.reset();
  const cpuBefore = await cpuOf(worker, index);
  begin = performance.now();
  const handle = await temporal.workflow.start('syncConnectorWorkflow', {
    taskQueue: names.taskQueue,
    workflowId: `${syncWorkflowId(names.tenantId, names.connectorId)}:${run}`,
    args: [{ tenantId: names.tenantId, connectorId: names.connectorId, mode: 'full' }],
  });
  const result = (await handle.result()) as { status: string; projects: Array<{ issues: number; comments: number; attachments: number; closedAcls: number; status: string }> };
  const workflowSeconds = (performance.now() - begin) / 1000;
  const syncRequests = sim.control.counters.snapshot();
  // A store slower than the worker leaves the index app behind; past the timeout the figures are printed as they are.
  const caughtUp = await waitForConsumerCaughtUp(kafka, { groupId: names.group, topic: names.topic, timeoutMs: Number(values['index-timeout-minutes']) * 60_000, pollMs: 500 }).then(
    () => true,
    (error: unknown) => (console.error(`the index app did not catch up: ${(error as Error).message}`), false),
  );
  const syncSeconds = (performance.now() - begin) / 1000;
  const cpuAfter = await cpuOf(worker, index);
  clearInterval(sampler);
  const hwm = { worker: await worker.peakRss(), index: await index.peakRss() };

  const issues = result.projects.reduce((sum, project) => sum + project.issues, 0);
  const comments = result.projects.reduce((sum, project) => sum + project.comments, 0);
  const attachments = result.projects.reduce((sum, project) => sum + project.attachments, 0);
  const indexed = await store.db.collection('issues').countDocuments({ tenantId: names.tenantId });
  let attachmentBytes = 0;
  for await (const file of store.db.collection(`${AttachmentContentStore.bucketName}.files`).find({}, { projection: { length: 1 } })) attachmentBytes += Number(file.length ?? 0);
  const isContent = (path: string) => path.includes('/attachment/content');
  const contentRequests = syncRequests.filter((row) => isContent(row.path)).reduce((sum, row) => sum + row.count, 0);
  const requests = syncRequests.reduce((sum, row) => sum + row.count, 0) - contentRequests;
  const byPath = new Map<string, number>();
  for (const row of syncRequests) byPath.set(`${row.method} ${row.path}`, (byPath.get(`${row.method} ${row.path}`) ?? 0) + row.count);
  const perK = (count: number, of: number) => ((count / Math.max(1, of)) * 1000).toFixed(1);
  const floorRate = floorIssues / floorSeconds;
  // Past the index timeout only what reached the store counts.
  const syncRate = (caughtUp ? issues : Math.min(issues, indexed)) / syncSeconds;

  console.log(`preset ${preset}: simulator built in ${buildSeconds.toFixed(1)} s; sync ${result.status}, ${issues} issues (${indexed} in the store), ${comments} comments, ${attachments} attachments (${mib(attachmentBytes)} stored)`);
  console.log(`raw floor    ${floorRate.toFixed(0)} issues/s (${floorIssues} issues in ${floorSeconds.toFixed(1)} s), ${perK(floorRequests, floorIssues)} requests per 1,000 issues`);
  const until = caughtUp ? 'trigger to last record indexed' : 'trigger to the index timeout, NOT all indexed';
  console.log(`full sync    ${syncRate.toFixed(0)} issues/s (${syncSeconds.toFixed(1)} s ${until}; workflow done at ${workflowSeconds.toFixed(1)} s: ${(issues / workflowSeconds).toFixed(0)} issues/s), ${perK(requests, issues)} requests per 1,000 issues besides ${contentRequests} attachment content requests`);
  console.log(`requests by endpoint: ${[...byPath].sort((left, right) => right[1] - left[1]).slice(0, 10).map(([path, count]) => `${path} ${count}`).join('; ')}`);
  console.log(`ratio to the raw floor: ${(syncRate / floorRate).toFixed(2)}${caughtUp ? '' : ' (issues in the store by the timeout)'}; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(`peak RSS     worker ${mib(hwm.worker)} (after start-up ${mib(startedRss.worker)}, sampled during the sync ${mib(peak.worker)}); index ${mib(hwm.index)} (after start-up ${mib(startedRss.index)}, during the sync ${mib(peak.index)})`);
  const cpu = Object.entries(cpuAfter).map(([name, seconds]) => [name, seconds - (cpuBefore[name] ?? 0)] as const).filter(([, seconds]) => seconds > 0);
  const cpuTotal = cpu.reduce((sum, [, seconds]) => sum + seconds, 0);
  console.log(`CPU seconds during the sync (${cpuTotal.toFixed(1)} s in ${syncSeconds.toFixed(1)} s of wall time, ${cpus().length} cores): ${cpu.sort((left, right) => right[1] - left[1]).map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`).join(', ')}`);
  console.log(`apps run ${built ? 'built (dist/main.js)' : 'from source (tsx)'}; logs in ${logDir}`);
} finally {
  await cleanUp();
}

/** CPU seconds so far of the apps, of this process (the simulator; the raw floor is over by then) and of the stack's servers. */
async function cpuOf(worker: BenchApp, index: BenchApp): Promise<Record<string, number>> {
  const stateDir = resolve(process.env['JIRA_SYNC_STACK_DIR'] || join(repoRoot, '.stack'));
  const servers = await Promise.all(
    ['ferretdb', 'kafka', 'temporal'].map(async (server) => {
      const pid = Number.parseInt(readStackPid(join(stateDir, 'run', `${server}.pid`)), 10);
      return [server, Number.isInteger(pid) ? await processCpuSeconds(pid) : 0] as const;
    }),
  );
  const usage = process.cpuUsage();
  return { worker: await worker.cpuSeconds(), index: await index.cpuSeconds(), 'bench (simulator)': (usage.user + usage.system) / 1e6, ...Object.fromEntries(servers) };
}

function readStackPid(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
}

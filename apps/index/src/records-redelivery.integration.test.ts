import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { MAX_RECORD_EVENT_BYTES, RECORD_EVENT_TYPES } from '@jira-sync/contracts';
import { createKafka, createRecordPublisher, ensureTopics, fetchTopicOffsets, waitForConsumerCaughtUp } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { connectStore, RecordStore, type StoreConnection } from '@jira-sync/store';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsumer } from './consumer.js';
import type { RecordRepositoryPort, RecordStorePort } from './record-store.port.js';
import {
  attachmentEvent, commentEvent, deletedEvent, groupEvent, issueEvent, projectEvent, roleEvent, userEvent, type KeyedEvent,
} from './record-events.test-support.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'index-redelivery-test' });
const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _e, done) => done() }) });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const T0 = Date.parse('2026-11-01T10:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;

/**
 * Several versions of records of every type, in the order a sync publishes them: issues that drop comments and
 * attachments in later versions, edited comments, an issue and a user deleted, and content to release.
 */
const events: KeyedEvent[] = [
  userEvent('u1', at(1), 'Ada'), userEvent('u2', at(1), 'Bob'), userEvent('u3', at(1), 'Cy'), userEvent('u4', at(1), 'Di'),
  groupEvent('g1', at(1), ['u1']), roleEvent('p1', '10002', at(1), ['u1']), projectEvent('p1', at(1)),
  issueEvent('i1', at(10), 'Checkout fails', ['c1', 'c2'], ['a1']),
  commentEvent('c1', 'i1', at(10), 'first'), commentEvent('c2', 'i1', at(10), 'second'), attachmentEvent('a1', 'i1', at(10), 'grid-a1'),
  issueEvent('i2', at(11), 'Search is slow', ['c4'], ['a2']),
  commentEvent('c4', 'i2', at(11), 'on i2'), attachmentEvent('a2', 'i2', at(11), 'grid-a2'),
  issueEvent('i3', at(12), 'Login loops', ['c5'], []), commentEvent('c5', 'i3', at(12), 'loops'),
  userEvent('u1', at(2), 'Ada Lovelace'), userEvent('u2', at(2), 'Bob Ross'), groupEvent('g1', at(2), ['u1', 'u2']), roleEvent('p1', '10002', at(2), ['u1', 'u3']),
  issueEvent('i1', at(20), 'Checkout fails on Safari', ['c1', 'c3'], []),
  commentEvent('c1', 'i1', at(20), 'first, edited'), commentEvent('c3', 'i1', at(20), 'third'),
  issueEvent('i3', at(22), 'Login loops on Firefox', ['c5', 'c6'], []),
  commentEvent('c5', 'i3', at(22), 'loops, edited'), commentEvent('c6', 'i3', at(22), 'me too'),
  userEvent('u1', at(3), 'Ada King'), deletedEvent('user', 'u4', 'u4', at(4)),
  issueEvent('i1', at(30), 'Checkout fails on Safari 17', ['c3'], []), commentEvent('c3', 'i1', at(30), 'third, edited'),
  deletedEvent('issue', 'i2', 'i2', at(40)), projectEvent('p1', at(41)),
];

/** A seeded shuffle (mulberry32 steps), so a failure replays with the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

interface Pipeline {
  records: string;
  deadLetter: string;
  groupId: string;
  store: RecordStore;
  releasedContent: Set<string>;
}

/** A consumer group on fresh topics and a fresh database; `wrap` may replace the store the consumer writes through. */
async function startPipeline(chunkSize: number, wrap: (store: RecordStore) => RecordStorePort = (store) => store): Promise<Pipeline> {
  const suffix = randomUUID();
  const records = `test.records.${suffix}`;
  const deadLetter = `test.records.dlq.${suffix}`;
  const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
  await ensureTopics(kafka, [{ topic: records, numPartitions: 3, configEntries }, { topic: deadLetter, numPartitions: 1, configEntries }]);
  const connection: StoreConnection = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_redeliver_${suffix.slice(0, 8)}` });
  cleanups.push(async () => {
    await connection.db.dropDatabase();
    await connection.close();
  });
  const store = new RecordStore(connection.db, connection.capabilities);
  await store.ensureIndexes();
  const releasedContent = new Set<string>();
  const groupId = `index-redeliver-${suffix}`;
  const content = { delete: async (id: string) => void releasedContent.add(id) };
  cleanups.push(await startConsumer(kafka, { groupId, logger, chunkSize, records: { topic: records, deadLetterTopic: deadLetter, deps: { store: wrap(store), logger, content } } }));
  return { records, deadLetter, groupId, store, releasedContent };
}

async function deliver(pipeline: Pipeline, batches: KeyedEvent[][]): Promise<void> {
  const publisher = await createRecordPublisher(kafka, { topic: pipeline.records });
  try {
    for (const batch of batches) await publisher.publish(batch);
  } finally {
    await publisher.disconnect();
  }
  await waitForConsumerCaughtUp(kafka, { groupId: pipeline.groupId, topic: pipeline.records, timeoutMs: 90_000 });
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Every stored document of every record collection, tombstones included, without `_id` and the write times. */
async function wholeStore(store: RecordStore): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const kind of ['users', 'groups', 'roles', 'projects', 'issues', 'comments', 'attachments'] as const) {
    const docs = await store[kind].raw.find({}, { projection: { _id: 0, storedAt: 0, deletedAt: 0 } }).sort({ tenantId: 1, connectorId: 1, externalId: 1 }).toArray();
    result[kind] = docs;
  }
  return result;
}

async function endOffsetTotal(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await fetchTopicOffsets(admin, topic)).reduce((sum, entry) => sum + Number(entry.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** The real store, except that upserts replace whatever is stored: no revision guard. */
function withoutRevisionGuard(store: RecordStore): RecordStorePort {
  const unguarded = (repository: Pick<RecordRepositoryPort, 'deleteMany' | 'find'> & Pick<RecordStore['users'], 'raw' | 'documentId'>): RecordRepositoryPort => ({
    upsertMany: async (rows) => {
      for (const row of rows) {
        const { tenantId, connectorId, externalId, revision, indexable, syncRunId, record } = row;
        await repository.raw.replaceOne({ _id: repository.documentId(row) } as object, { ...(record as object), tenantId, connectorId, externalId, revision, indexable, syncRunId, storedAt: new Date() }, { upsert: true });
      }
      return { written: rows.length, stale: 0 };
    },
    deleteMany: (keys) => repository.deleteMany(keys),
    find: (scope, filter, options) => repository.find(scope, filter, options),
  });
  return {
    users: unguarded(store.users), groups: unguarded(store.groups), roles: unguarded(store.roles), projects: unguarded(store.projects),
    comments: unguarded(store.comments), attachments: unguarded(store.attachments),
    issues: {
      ...unguarded(store.issues),
      pruneChildrenMany: (...args) => store.issues.pruneChildrenMany(...args),
    },
  };
}

describe('the index app given the same events twice, shuffled, across several batches', () => {
  const twiceShuffled = [...shuffled(events, 8), ...shuffled(events, 13)];

  it('ends with exactly the documents, tombstones included, that one in-order delivery leaves', async () => {
    const [once, replayed] = await Promise.all([startPipeline(4), startPipeline(3)]);
    await deliver(once, [events]);
    await deliver(replayed, batchesOf(twiceShuffled, 5));

    const expected = await wholeStore(once.store);
    expect(await wholeStore(replayed.store)).toEqual(expected);
    expect([...replayed.releasedContent].sort()).toEqual([...once.releasedContent].sort());
    expect(await endOffsetTotal(replayed.deadLetter)).toBe(0);

    // The in-order store is the one the events describe.
    const live = async (kind: 'users' | 'issues' | 'comments' | 'attachments') => (await once.store[kind].find({ tenantId: 't1', connectorId: 'c1' })).map((doc) => doc.externalId);
    expect(await live('users')).toEqual(['u1', 'u2', 'u3']);
    expect(await once.store.users.get({ tenantId: 't1', connectorId: 'c1', externalId: 'u1' })).toMatchObject({ displayName: 'Ada King' });
    expect(await live('issues')).toEqual(['i1', 'i3']);
    expect(await live('comments')).toEqual(['c3', 'c5', 'c6']);
    expect(await once.store.comments.get({ tenantId: 't1', connectorId: 'c1', externalId: 'c3' })).toMatchObject({ markdown: 'third, edited' });
    expect(await live('attachments')).toEqual([]);
    expect(expected['comments']?.filter((doc) => (doc as { deleted?: boolean }).deleted).map((doc) => (doc as { externalId: string }).externalId)).toEqual(['c1', 'c2', 'c4']);
    expect([...once.releasedContent].sort()).toEqual(['grid-a1', 'grid-a2']);
  });

  it('ends the same after one delivery newest first, with every comment and attachment after all versions of its issue', async () => {
    const isChild = (keyed: KeyedEvent) => keyed.event.type === RECORD_EVENT_TYPES.comment || keyed.event.type === RECORD_EVENT_TYPES.attachment;
    const adversarial = [...events.filter((keyed) => !isChild(keyed)).reverse(), ...events.filter(isChild).reverse()];
    const [once, reversed] = await Promise.all([startPipeline(4), startPipeline(3)]);
    await deliver(once, [events]);
    await deliver(reversed, batchesOf(adversarial, 4));
    expect(await wholeStore(reversed.store)).toEqual(await wholeStore(once.store));
    expect([...reversed.releasedContent].sort()).toEqual([...once.releasedContent].sort());
  });

  it('would catch a store that upserts without the revision guard (the comparison above can fail)', async () => {
    const [once, unguarded] = await Promise.all([startPipeline(4, withoutRevisionGuard), startPipeline(3, withoutRevisionGuard)]);
    await deliver(once, [events]);
    await deliver(unguarded, batchesOf(twiceShuffled, 5));
    expect(await wholeStore(unguarded.store)).not.toEqual(await wholeStore(once.store));
  });
});

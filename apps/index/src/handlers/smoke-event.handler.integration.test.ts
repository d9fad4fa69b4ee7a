import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@jira-sync/logging';
import { connectStore, SmokeEventRepository, type StoreConnection } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmokeEventHandler } from './smoke-event.handler.js';

let store: StoreConnection;
let repository: SmokeEventRepository;
const logged: string[] = [];
const logger = createLogger({ name: 'test', destination: new Writable({ write: (chunk: Buffer, _e, done) => (logged.push(chunk.toString()), done()) }) });

beforeAll(async () => {
  store = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_index_${randomUUID().slice(0, 8)}` });
  repository = new SmokeEventRepository(store.db);
  await repository.ensureIndexes();
});

afterAll(async () => {
  await store.db.dropDatabase();
  await store.close();
});

const message = (value: unknown, offset = '0') => ({ topic: 'jira-sync.smoke.v1', partition: 0, offset, key: 'k', value });
const event = { runId: 'run-a', message: 'hi', publishedAt: '2026-11-28T10:00:00.000Z' };

describe('the smoke event handler', () => {
  it('stores an event with where it came from, and acknowledges a redelivery without a second write', async () => {
    const handle = createSmokeEventHandler({ repository, logger, now: () => new Date('2026-11-28T10:00:05Z') });
    await handle(message(event, '3'));
    await handle(message({ ...event, message: 'redelivered' }, '4'));
    expect(await repository.findByRunId('run-a')).toMatchObject({ message: 'hi', offset: '3', storedAt: new Date('2026-11-28T10:00:05Z') });
  });

  it('skips an invalid event and says why in the log', async () => {
    const handle = createSmokeEventHandler({ repository, logger, now: () => new Date() });
    await handle(message({ runId: 'run-b' }));
    expect(await repository.findByRunId('run-b')).toBeNull();
    expect(logged.join('')).toContain('skipping an invalid smoke event');
  });
});

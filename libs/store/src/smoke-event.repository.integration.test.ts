import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type StoreConnection } from './connect-store.js';
import { SmokeEventRepository } from './smoke-event.repository.js';
import { DuplicateKeyError } from './store-errors.js';

let store: StoreConnection;
let repository: SmokeEventRepository;

beforeAll(async () => {
  store = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_store_${randomUUID().slice(0, 8)}` });
  repository = new SmokeEventRepository(store.db);
  await repository.ensureIndexes();
});

afterAll(async () => {
  await store.db.dropDatabase();
  await store.close();
});

function event(runId: string, message = 'hello') {
  return { runId, message, publishedAt: '2026-11-28T10:00:00.000Z', topic: 't', partition: 0, offset: '7', storedAt: new Date('2026-11-28T10:00:01Z') };
}

describe('SmokeEventRepository on the MongoDB-wire server', () => {
  it('reads back what it wrote', async () => {
    await repository.insert(event('run-1'));
    expect(await repository.findByRunId('run-1')).toEqual(event('run-1'));
  });

  it('rejects a second document with the same run id and keeps the first one intact', async () => {
    await repository.insert(event('run-2', 'first'));
    const second = repository.insert(event('run-2', 'second'));
    await expect(second).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(second).rejects.toThrow('smoke_events: {"runId":"run-2"}');
    expect((await repository.findByRunId('run-2'))?.message).toBe('first');
  });

  it('detects the server flavour so optional index types are skipped only where unsupported', async () => {
    expect(['mongodb', 'ferretdb']).toContain(store.capabilities.flavour);
    // Ask the server itself: a TTL index it keeps carries expireAfterSeconds; one it lacks throws or drops the option.
    const probe = store.db.collection('ttl_probe');
    const created = await probe.createIndex({ at: 1 }, { name: 'ttl_probe_at', expireAfterSeconds: 60 }).then(
      () => true,
      () => false,
    );
    const kept = created && (await probe.listIndexes().toArray()).some((index) => index['name'] === 'ttl_probe_at' && index['expireAfterSeconds'] === 60);
    expect(store.capabilities.ttlIndexes).toBe(kept);
  });
});

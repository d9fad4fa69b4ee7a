import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { SyncStateRepository } from './sync-state.repository.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let syncState: SyncStateRepository;

beforeAll(async () => {
  store = await connectTestStore('sync_state');
  syncState = new SyncStateRepository(store.db);
  await syncState.ensureIndexes();
});

afterAll(() => dropTestStore(store));

describe('SyncStateRepository', () => {
  it('keeps one connector state per connector and overwrites it', async () => {
    expect(await syncState.getConnectorState('acme', 'main')).toBeNull();
    await syncState.setConnectorState('acme', 'main', { filtersHash: 'h1', generation: 10, lastFullSyncAt: null });
    await syncState.setConnectorState('acme', 'main', { filtersHash: 'h2', generation: 20, lastFullSyncAt: '2026-11-30T10:00:00.000Z' });
    await syncState.setConnectorState('acme', 'other', { filtersHash: 'x', generation: 1, lastFullSyncAt: null });
    expect(await syncState.getConnectorState('acme', 'main')).toEqual({ filtersHash: 'h2', generation: 20, lastFullSyncAt: '2026-11-30T10:00:00.000Z' });
  });

  it('keeps per-project checkpoints separate from the connector state and from other connectors', async () => {
    await syncState.setProjectCheckpoint('acme', 'main', { projectId: '10001', lastUpdatedMs: 5 });
    await syncState.setProjectCheckpoint('acme', 'main', { projectId: '10000', lastUpdatedMs: 7 });
    await syncState.setProjectCheckpoint('acme', 'main', { projectId: '10001', lastUpdatedMs: 9 });
    await syncState.setProjectCheckpoint('acme', 'other', { projectId: '10000', lastUpdatedMs: 1 });
    expect(await syncState.getProjectCheckpoint('acme', 'main', '10001')).toEqual({ projectId: '10001', lastUpdatedMs: 9, recent: [] });
    expect(await syncState.getProjectCheckpoint('acme', 'main', '99')).toBeNull();
    expect(await syncState.listProjectCheckpoints('acme', 'main')).toEqual([
      { projectId: '10000', lastUpdatedMs: 7 },
      { projectId: '10001', lastUpdatedMs: 9 },
    ]);
    expect(await syncState.clearProjectCheckpoints('acme', 'main')).toBe(2);
    expect(await syncState.listProjectCheckpoints('acme', 'main')).toEqual([]);
    expect(await syncState.listProjectCheckpoints('acme', 'other')).toHaveLength(1);
    expect((await syncState.getConnectorState('acme', 'main'))?.generation).toBe(20);
  });
});

import { revisionOf, type TCommentRecord, type TUserRecord } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { RecordStore } from './record-store.js';
import type { RecordRow } from './record.repository.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let records: RecordStore;
const scope = { tenantId: 'acme', connectorId: 'main' };

beforeAll(async () => {
  store = await connectTestStore('records');
  records = new RecordStore(store.db, store.capabilities);
  await records.ensureIndexes();
});

afterAll(() => dropTestStore(store));

function userRow(accountId: string, displayName: string, updated: number): RecordRow<TUserRecord> {
  return {
    ...scope,
    externalId: accountId,
    revision: revisionOf(updated, 1),
    indexable: true,
    syncRunId: 'run-1',
    record: { accountId, displayName, active: true, accountType: 'atlassian' },
  };
}

function commentRow(commentId: string, issueId: string, updated: number): RecordRow<TCommentRecord> {
  return {
    ...scope,
    externalId: commentId,
    revision: revisionOf(updated, 1),
    indexable: true,
    syncRunId: 'run-1',
    record: {
      commentId,
      issueId,
      projectId: '10000',
      blockGroupIndex: 1,
      blockIndex: 0,
      created: '2026-11-01T10:00:00.000Z',
      markdown: `comment ${commentId}`,
      mediaIds: [],
      acl: { browse: ['anyone'], level: ['*'], visibility: ['*'] },
    },
  };
}

async function snapshot(): Promise<unknown[]> {
  return store.db.collection('users').find({}).sort({ externalId: 1 }).toArray();
}

describe('RecordRepository', () => {
  it('writes a batch once and treats the same batch again as stale, leaving the store identical', async () => {
    const batch = [userRow('u1', 'Ann', 100), userRow('u2', 'Bob', 100)];
    expect(await records.users.upsertMany(batch)).toEqual({ written: 2, stale: 0 });
    const first = await snapshot();
    expect(await records.users.upsertMany(batch)).toEqual({ written: 0, stale: 2 });
    expect(await snapshot()).toEqual(first);
    expect(await records.users.get({ ...scope, externalId: 'u1' })).toMatchObject({ accountId: 'u1', displayName: 'Ann', revision: revisionOf(100, 1), syncRunId: 'run-1' });
  });

  it('applies a newer revision and ignores an older one that arrives after it', async () => {
    expect(await records.users.upsertMany([userRow('u1', 'Ann v2', 200), userRow('u3', 'Cy', 50)])).toEqual({ written: 2, stale: 0 });
    expect(await records.users.upsertMany([userRow('u1', 'Ann v1 replayed', 150), userRow('u2', 'Bob v2', 300)])).toEqual({ written: 1, stale: 1 });
    expect((await records.users.get({ ...scope, externalId: 'u1' }))?.displayName).toBe('Ann v2');
    expect((await records.users.get({ ...scope, externalId: 'u2' }))?.displayName).toBe('Bob v2');
    expect(await records.users.find({ tenantId: 'other', connectorId: 'main' })).toEqual([]);
  });

  it('deletes only versions not newer than the deletion', async () => {
    const deleted = await records.users.deleteMany([
      { ...scope, externalId: 'u1', revision: revisionOf(100, 1) },
      { ...scope, externalId: 'u3', revision: revisionOf(60, 1) },
    ]);
    expect(deleted).toBe(1);
    expect((await records.users.find(scope)).map((u) => u.externalId)).toEqual(['u1', 'u2']);
  });

  it('prunes the comments an issue no longer lists unless a newer sync wrote them', async () => {
    await records.comments.upsertMany([commentRow('c1', 'i1', 100), commentRow('c2', 'i1', 100), commentRow('c3', 'i1', 900), commentRow('c4', 'i2', 100)]);
    const pruned = await records.issues.pruneChildren('acme', 'main', 'i1', ['c1'], [], revisionOf(500, 1));
    expect(pruned).toEqual({ comments: 1, attachments: 0 });
    expect((await records.comments.find(scope)).map((c) => c.externalId)).toEqual(['c1', 'c3', 'c4']);
  });

  it('throws on a write error that is not a revision collision, and writes nothing stale', async () => {
    const bad = { ...userRow('u9', 'Bad', 100), record: { ...userRow('u9', 'Bad', 100).record, $where: 'x' } };
    await expect(records.users.upsertMany([bad])).rejects.toThrow();
    expect(await records.users.get({ ...scope, externalId: 'u9' })).toBeNull();
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { revisionOf, type TCommentRecord } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { RecordStore } from './record-store.js';
import type { RecordRow } from './record.repository.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let records: RecordStore;
const scope = { tenantId: 'acme', connectorId: 'main' };
const open = { browse: ['anyone'], level: ['*'], visibility: ['*'] };

beforeAll(async () => {
  store = await connectTestStore('tombstones');
  records = new RecordStore(store.db, store.capabilities);
  await records.ensureIndexes();
  await records.users.upsertMany([{ ...scope, externalId: 'reader', revision: revisionOf(1, 1), indexable: true, syncRunId: 'run-1', record: { accountId: 'reader', displayName: 'R', active: true, accountType: 'atlassian' } }]);
});

afterAll(() => dropTestStore(store));

function comment(commentId: string, updated: number, markdown = `comment ${commentId}`, issueId = 'i1'): RecordRow<TCommentRecord> {
  return {
    ...scope, externalId: commentId, revision: revisionOf(updated, 1), indexable: true, syncRunId: `run-${updated}`,
    record: { commentId, issueId, projectId: 'p1', blockGroupIndex: 1, blockIndex: 0, created: '2026-11-01T10:00:00.000Z', markdown, mediaIds: [], acl: open },
  };
}

const key = (externalId: string) => ({ ...scope, externalId });
const deletion = (externalId: string, updated: number) => ({ ...scope, externalId, revision: revisionOf(updated, 1), syncRunId: 'run-del', reason: 'gone from Jira' });

describe('tombstones', () => {
  it('keeps a deleted record as a tombstone with the deleting revision that no listing, get or readableBy returns', async () => {
    await records.comments.upsertMany([comment('c1', 100), comment('c2', 100)]);
    expect(await records.readableBy(scope, 'reader', 'comment')).toEqual(['c1', 'c2']);

    expect(await records.comments.deleteMany([deletion('c1', 200)])).toBe(1);
    expect((await records.comments.find(scope)).map((row) => row.externalId)).toEqual(['c2']);
    expect(await records.comments.get(key('c1'))).toBeNull();
    expect(await records.readableBy(scope, 'reader', 'comment')).toEqual(['c2']);
    const tombstone = await records.comments.get(key('c1'), { includeDeleted: true });
    expect(tombstone).toEqual({ ...key('c1'), revision: revisionOf(200, 1), deleted: true, deletedAt: expect.any(Date), storedAt: expect.any(Date), syncRunId: 'run-del', reason: 'gone from Jira' });
    expect((await records.comments.find(scope, {}, { includeDeleted: true })).map((row) => row.externalId)).toEqual(['c1', 'c2']);
  });

  it('ignores a replayed upsert that is older than or as old as the tombstone, and lets a newer one back in', async () => {
    expect(await records.comments.upsertMany([comment('c1', 100, 'replayed')])).toEqual({ written: 0, stale: 1 });
    expect(await records.comments.upsertMany([comment('c1', 200, 'same revision as the deletion')])).toEqual({ written: 0, stale: 1 });
    expect(await records.comments.get(key('c1'))).toBeNull();

    expect(await records.comments.upsertMany([comment('c1', 300, 'written again after the deletion')])).toEqual({ written: 1, stale: 0 });
    expect(await records.comments.get(key('c1'))).toMatchObject({ markdown: 'written again after the deletion', revision: revisionOf(300, 1) });
    expect(await records.comments.get(key('c1'))).not.toHaveProperty('deleted');
  });

  it('records a deletion that overtook its record, so the upsert arriving later stays out', async () => {
    expect(await records.comments.deleteMany([deletion('c9', 500)])).toBe(1);
    expect(await records.comments.upsertMany([comment('c9', 400)])).toEqual({ written: 0, stale: 1 });
    expect(await records.comments.get(key('c9'))).toBeNull();
  });

  it('leaves a tombstone as it is on a redelivered or older deletion, and skips a deletion older than the stored record', async () => {
    const before = await records.comments.get(key('c9'), { includeDeleted: true });
    expect(await records.comments.deleteMany([deletion('c9', 500), deletion('c9', 450), deletion('c2', 50)])).toBe(0);
    expect(await records.comments.get(key('c9'), { includeDeleted: true })).toEqual(before);
    expect(await records.comments.get(key('c2'))).toMatchObject({ markdown: 'comment c2' });
  });

  it('counts a batch mixing fresh and stale deletions right, on either server', async () => {
    await records.comments.upsertMany([comment('m1', 100), comment('m2', 900), comment('m3', 100)]);
    expect(await records.comments.deleteMany([deletion('m1', 200), deletion('m2', 200), deletion('m3', 200), deletion('m4', 200), deletion('m1', 200)])).toBe(3);
    expect((await records.comments.find(scope, { externalId: { $in: ['m1', 'm2', 'm3', 'm4'] } })).map((row) => row.externalId)).toEqual(['m2']);
  });

  it('prunes an issue’s children into tombstones that a newer prune moves up, and a replayed older event of a pruned comment does not return', async () => {
    await records.comments.upsertMany([comment('p1', 100, 'kept', 'i7'), comment('p2', 100, 'dropped', 'i7')]);
    expect(await records.issues.pruneChildren('acme', 'main', 'i7', ['p1'], [], revisionOf(300, 1))).toEqual({ comments: 1, attachments: 0 });
    expect(await records.issues.pruneChildren('acme', 'main', 'i7', ['p1'], [], revisionOf(300, 1))).toEqual({ comments: 0, attachments: 0 });
    expect(await records.issues.pruneChildren('acme', 'main', 'i7', ['p1'], [], revisionOf(400, 1))).toEqual({ comments: 1, attachments: 0 });
    expect(await records.comments.upsertMany([comment('p2', 100, 'dropped, replayed', 'i7')])).toEqual({ written: 0, stale: 1 });
    expect((await records.comments.find(scope, { issueId: 'i7' })).map((row) => row.externalId)).toEqual(['p1']);
    expect(await records.comments.get(key('p2'), { includeDeleted: true })).toMatchObject({ deleted: true, revision: revisionOf(400, 1), reason: 'no longer listed by issue i7' });
  });

  it('purges only the tombstones written before the cut-off, never a live record', async () => {
    const live = (await records.comments.find(scope)).map((row) => row.externalId);
    const tombstones = await records.comments.find(scope, { deleted: true }, { includeDeleted: true });
    expect(tombstones.length).toBeGreaterThan(2);
    expect(await records.purgeTombstones(new Date(Date.now() - 60 * 60_000))).toBe(0);

    await sleep(5);
    const cutoff = new Date();
    await records.comments.deleteMany([deletion('p1', 900)]);
    expect(await records.purgeTombstones(cutoff)).toBe(tombstones.length);
    expect(await records.comments.find(scope, { deleted: true }, { includeDeleted: true })).toMatchObject([{ externalId: 'p1', deleted: true }]);
    expect((await records.comments.find(scope)).map((row) => row.externalId)).toEqual(live.filter((id) => id !== 'p1'));
  });
});

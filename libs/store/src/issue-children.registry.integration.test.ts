import { revisionOf, type TAttachmentRecord, type TCommentRecord } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { IssueChildRegistry } from './issue-children.registry.js';
import { RecordStore } from './record-store.js';
import type { RecordRow } from './record.repository.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let records: RecordStore;
let registry: IssueChildRegistry;
const scope = { tenantId: 'acme', connectorId: 'main' };
const open = { browse: ['anyone'], level: ['*'], visibility: ['*'] };

beforeAll(async () => {
  store = await connectTestStore('children');
  records = new RecordStore(store.db, store.capabilities);
  registry = new IssueChildRegistry(store.db);
  await records.ensureIndexes();
});

afterAll(() => dropTestStore(store));

function comment(commentId: string, issueId: string, updated: number): RecordRow<TCommentRecord> {
  return {
    ...scope, externalId: commentId, revision: revisionOf(updated, 1), indexable: true, syncRunId: `run-${updated}`,
    record: { commentId, issueId, projectId: 'p1', blockGroupIndex: 1, blockIndex: 0, created: '2026-11-01T10:00:00.000Z', markdown: commentId, mediaIds: [], acl: open },
  };
}

function attachment(attachmentId: string, issueId: string, updated: number, gridFsId: string): RecordRow<TAttachmentRecord> {
  return {
    ...scope, externalId: attachmentId, revision: revisionOf(updated, 1), indexable: true, syncRunId: `run-${updated}`,
    record: {
      attachmentId, issueId, projectId: 'p1', filename: `${attachmentId}.txt`, mimeType: 'text/plain', size: 3, created: '2026-11-01T10:00:00.000Z',
      placement: 'issue', acl: open, content: { state: 'stored', gridFsId, sha256: 'a'.repeat(64), bytes: 3 },
    },
  };
}

describe('the issue child registry', () => {
  it('registers every comment and attachment written, tombstones included, once each, under its own issue', async () => {
    await records.comments.upsertMany([comment('c1', 'i1', 100), comment('c2', 'i1', 100), comment('c3', 'i2', 100)]);
    await records.comments.upsertMany([comment('c1', 'i1', 200)]);
    await records.comments.deleteMany([{ ...scope, externalId: 'c4', revision: revisionOf(300, 1), issueId: 'i2' }]);
    const registered = await registry.childrenOf(scope.tenantId, scope.connectorId, ['i1', 'i2', 'i3']);
    expect(Object.fromEntries([...registered].map(([issueId, children]) => [issueId, { comments: [...children.comments].sort(), attachments: children.attachments }]))).toEqual({
      i1: { comments: ['c1', 'c2'], attachments: [] },
      i2: { comments: ['c3', 'c4'], attachments: [] },
    });
    // Another connector's issue of the same id is another entry.
    expect(await registry.childrenOf(scope.tenantId, 'other', ['i1'])).toEqual(new Map());
  });

  it('returns registrations into `known`, and a prune through it takes its entries as they are instead of reading them', async () => {
    // c8 was registered by an earlier batch: `known` does not know it yet.
    await records.comments.upsertMany([comment('c8', 'i8', 100)]);
    const known = new Map();
    await records.comments.upsertMany([comment('c9', 'i8', 100)], { knownChildren: known });
    const entryId = IssueChildRegistry.documentId(scope.tenantId, scope.connectorId, 'i8');
    // The entry came back whole from the registration, the earlier child included.
    expect(known.get(entryId)).toEqual({ comments: ['c8', 'c9'], attachments: [] });
    // Proof that the prune does not read: told an entry without c8, it prunes c9 only.
    known.set(entryId, { comments: ['c9'], attachments: [] });
    const prune = (revision: number, knownChildren?: Map<string, unknown>) =>
      records.issues.pruneChildrenMany(scope.tenantId, scope.connectorId, [{ issueId: 'i8', keepCommentIds: [], keepAttachmentIds: [], revision: revisionOf(revision, 1) }], knownChildren ? { knownChildren: known } : {});
    expect(await prune(150, known)).toEqual({ comments: 1, attachments: 0 });
    expect(await records.comments.get({ ...scope, externalId: 'c8' })).toMatchObject({ markdown: 'c8' });
    // Read from the registry, the entry has c8.
    expect(await prune(160)).toEqual({ comments: 2, attachments: 0 });
    expect(await records.comments.get({ ...scope, externalId: 'c8' })).toBeNull();
    // An issue with nothing registered is remembered as such once read.
    await records.issues.pruneChildrenMany(scope.tenantId, scope.connectorId, [{ issueId: 'i-none', keepCommentIds: [], keepAttachmentIds: [], revision: revisionOf(150, 1) }], { knownChildren: known });
    expect(known.get(IssueChildRegistry.documentId(scope.tenantId, scope.connectorId, 'i-none'))).toEqual({ comments: [], attachments: [] });
  });

  it('lets an issue prune a child that arrived before any version of the issue and that no version listed', async () => {
    await records.comments.upsertMany([comment('early', 'i5', 100), comment('kept', 'i5', 100)]);
    expect(await records.issues.pruneChildren(scope.tenantId, scope.connectorId, 'i5', ['kept'], [], revisionOf(150, 1))).toEqual({ comments: 1, attachments: 0 });
    expect(await records.comments.get({ ...scope, externalId: 'early' })).toBeNull();
    expect(await records.comments.get({ ...scope, externalId: 'early' }, { includeDeleted: true })).toMatchObject({ deleted: true, revision: revisionOf(150, 1), issueId: 'i5' });
    expect(await records.comments.get({ ...scope, externalId: 'kept' })).toMatchObject({ markdown: 'kept' });
  });

  it('hands the doomed attachments, content included, to the caller before their tombstones replace them', async () => {
    await records.attachments.upsertMany([attachment('a1', 'i6', 100, 'grid-1'), attachment('a2', 'i6', 100, 'grid-2'), attachment('a3', 'i6', 900, 'grid-3')]);
    const handed: string[] = [];
    const pruned = await records.issues.pruneChildrenMany(scope.tenantId, scope.connectorId, [{ issueId: 'i6', keepCommentIds: [], keepAttachmentIds: ['a2'], revision: revisionOf(500, 1) }], {
      beforeAttachmentTombstones: async (doomed) => {
        // Still stored when the caller sees them: the bytes go before the records.
        expect(await records.attachments.get({ ...scope, externalId: 'a1' })).not.toBeNull();
        for (const doc of doomed) handed.push(String((doc as { content?: { gridFsId?: string } }).content?.gridFsId));
      },
    });
    // a2 is listed and a3 is newer than the pruning issue version: only a1 goes.
    expect(pruned).toEqual({ comments: 0, attachments: 1 });
    expect(handed).toEqual(['grid-1']);
    expect((await records.attachments.find(scope, { issueId: 'i6' })).map((row) => row.externalId)).toEqual(['a2', 'a3']);
  });

  it('goes with its connector: deleteConnectorRecords removes the records and the registry entries of that connector only', async () => {
    const other = { tenantId: 'acme', connectorId: 'second' };
    await records.comments.upsertMany([{ ...comment('k1', 'i9', 100), ...other }]);
    expect((await registry.childrenOf(other.tenantId, other.connectorId, ['i9'])).get('i9')?.comments).toEqual(['k1']);
    const removed = await records.deleteConnectorRecords(other);
    expect(removed).toBe(1);
    expect(await registry.collection.countDocuments(other)).toBe(0);
    expect(await records.comments.find(other)).toEqual([]);
    // The first connector's records and registry entries stay.
    expect(await registry.collection.countDocuments(scope)).toBeGreaterThan(0);
    expect((await records.comments.find(scope)).length).toBeGreaterThan(0);
  });
});

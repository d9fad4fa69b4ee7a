import { Writable } from 'node:stream';
import { createLogger } from '@jira-sync/logging';
import { describe, expect, it } from 'vitest';
import { applyRecordEvents } from './apply-record-events.js';
import type { IssueRepositoryPort, RecordRepositoryPort, RecordRow, RecordStorePort } from './record-store.port.js';
import { attachmentEvent, commentEvent, deletedEvent, issueEvent, userEvent } from './record-events.test-support.js';

const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _e, done) => done() }) });

function recordingStore(options: { staleIssues?: boolean } = {}) {
  const calls: Array<{ call: string; rows?: RecordRow[]; args?: unknown[] }> = [];
  const storedIssues = new Map<string, object>();
  const repository = (name: string): RecordRepositoryPort => ({
    upsertMany: async (rows) => {
      calls.push({ call: `${name}.upsertMany`, rows: [...rows] });
      if (name === 'issues' && options.staleIssues) {
        for (const row of rows) storedIssues.set(row.externalId, { externalId: row.externalId, revision: 'stored-newer', commentIds: [], attachmentIds: [] });
        return { written: 0, stale: rows.length };
      }
      if (name === 'issues') for (const row of rows) storedIssues.set(row.externalId, { ...(row.record as object), externalId: row.externalId, revision: row.revision });
      return { written: rows.length, stale: 0 };
    },
    deleteMany: async (keys) => (calls.push({ call: `${name}.deleteMany`, args: [...keys] }), keys.length),
    find: async (_scope, filter) => {
      calls.push({ call: `${name}.find`, args: [filter] });
      if (name === 'issues') return [...storedIssues.values()];
      if (name !== 'attachments') return [];
      // Returned whatever the filter: a0 is older than i1's stored version and not listed by it, a1 is listed.
      return [
        { externalId: 'a0', issueId: 'i1', revision: '0', content: { state: 'stored', gridFsId: 'grid-a0' } },
        { externalId: 'a1', issueId: 'i1', revision: '0', content: { state: 'stored', gridFsId: 'grid-a1' } },
        { externalId: 'a2', issueId: 'i1', revision: '0', content: { state: 'skipped' } },
      ];
    },
  });
  const issues: IssueRepositoryPort = {
    ...repository('issues'),
    // The store decides which children are doomed; here a0 (older than i1's stored version, not listed) always is.
    pruneChildrenMany: async (tenantId, connectorId, plans, options) => {
      calls.push({ call: 'issues.pruneChildrenMany', args: [tenantId, connectorId, plans] });
      await options?.beforeAttachmentTombstones?.([{ externalId: 'a0', issueId: 'i1', revision: '0', content: { state: 'stored', gridFsId: 'grid-a0' } }]);
      return { comments: 0, attachments: 1 };
    },
  };
  const store: RecordStorePort = {
    users: repository('users'), groups: repository('groups'), roles: repository('roles'), projects: repository('projects'),
    issues, comments: repository('comments'), attachments: repository('attachments'),
  };
  return { store, calls };
}

describe('applyRecordEvents', () => {
  it('writes children before their issue prunes by the stored issue, and never lets a deletion overtake an upsert', async () => {
    const { store, calls } = recordingStore();
    const deleted: string[] = [];
    const events = [
      issueEvent('i1', 1_000, 'v1', ['c1'], ['a1']),
      commentEvent('c1', 'i1', 1_000, 'hi'),
      attachmentEvent('a1', 'i1', 1_000, 'grid-a1'),
      deletedEvent('attachment', 'a1', 'i1', 2_000),
      userEvent('u1', 3_000, 'Ada'),
    ].map((keyed) => keyed.event);
    await applyRecordEvents(events, { store, logger, content: { delete: async (id) => void deleted.push(id) } });
    expect(calls.map((entry) => entry.call)).toEqual([
      // The issue comes in the same run, so its prune judges the children: they do not read it first. Once written,
      // its lists are the row's.
      'comments.upsertMany', 'attachments.upsertMany', 'issues.upsertMany', 'issues.pruneChildrenMany',
      'attachments.find', 'attachments.find', 'attachments.deleteMany', 'users.upsertMany',
    ]);
    // One prune for the chunk, by the stored issue's lists; only a0 (doomed by the store) loses its bytes before it.
    expect(calls[3]?.args).toEqual(['t1', 'c1', [{ issueId: 'i1', keepCommentIds: ['c1'], keepAttachmentIds: ['a1'], revision: expect.stringMatching(/^0+1000\./) }]]);
    // Then the deletion of a1 releases what its (filter-blind) find returns.
    expect(deleted).toEqual(['grid-a0', 'grid-a0', 'grid-a1']);
  });

  it('reads an issue after its write when the store kept a newer version, and prunes by that version', async () => {
    const { store, calls } = recordingStore({ staleIssues: true });
    await applyRecordEvents([commentEvent('c1', 'i1', 1_000, 'hi'), issueEvent('i1', 1_000, 'v1', ['c1'], [])].map((keyed) => keyed.event), {
      store, logger, content: { delete: async () => undefined },
    });
    expect(calls.map((entry) => entry.call)).toEqual(['comments.upsertMany', 'issues.upsertMany', 'issues.find', 'issues.pruneChildrenMany']);
    // The stored (newer) version lists nothing, so the prune keeps nothing: not the stale row's c1.
    expect(calls[3]?.args).toEqual(['t1', 'c1', [{ issueId: 'i1', keepCommentIds: [], keepAttachmentIds: [], revision: 'stored-newer' }]]);
  });

  it('lets the next chunk of a batch find the issues the chunk before wrote, until a deletion run forgets them', async () => {
    const { store, calls } = recordingStore();
    const deps = { store, logger, content: { delete: async () => undefined } };
    const issueLists = new Map();
    await applyRecordEvents([issueEvent('i1', 1_000, 'v1', ['c1'], [])].map((keyed) => keyed.event), deps, { issueLists });
    calls.length = 0;
    await applyRecordEvents([commentEvent('c1', 'i1', 1_000, 'hi').event], deps, { issueLists });
    // Listed by the issue written a chunk earlier: neither the issue nor the comment is read.
    expect(calls.map((entry) => entry.call)).toEqual(['comments.upsertMany']);
    calls.length = 0;
    await applyRecordEvents([deletedEvent('comment', 'c0', 'i1', 2_000).event, commentEvent('c2', 'i1', 1_000, 'late').event], deps, { issueLists });
    // After the deletion the issue is read again before c2 (not listed by it) is judged.
    expect(calls.map((entry) => entry.call)).toContain('issues.find');
  });

  it('sends one row per record to a bulk write, the newest revision, with externalId from the subject', async () => {
    const { store, calls } = recordingStore();
    const events = [userEvent('u1', 5_000, 'new'), userEvent('u1', 1_000, 'old'), userEvent('u2', 1_000, 'Bob')].map((keyed) => keyed.event);
    await applyRecordEvents(events, { store, logger, content: { delete: async () => undefined } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.rows).toMatchObject([
      { externalId: 'u1', tenantId: 't1', connectorId: 'c1', indexable: true, syncRunId: 'run-1', record: { displayName: 'new' } },
      { externalId: 'u2', record: { displayName: 'Bob' } },
    ]);
  });

  it('deletes an issue after pruning all of its children, their bytes released first', async () => {
    const { store, calls } = recordingStore();
    const deleted: string[] = [];
    await applyRecordEvents([deletedEvent('issue', 'i9', 'i9', 9_000).event], { store, logger, content: { delete: async (id) => void deleted.push(id) } });
    expect(deleted).toEqual(['grid-a0']);
    expect(calls.map((entry) => [entry.call, entry.args?.slice(0, 5)])).toEqual([
      ['issues.pruneChildrenMany', ['t1', 'c1', [{ issueId: 'i9', keepCommentIds: [], keepAttachmentIds: [], revision: expect.any(String) }]]],
      ['issues.deleteMany', [{ tenantId: 't1', connectorId: 'c1', externalId: 'i9', revision: expect.any(String), syncRunId: 'run-1', reason: 'gone from Jira' }]],
    ]);
  });
});

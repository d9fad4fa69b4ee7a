import { revisionOf, type TCommentRecord } from '@jira-sync/contracts';
import type { RecordRow } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

let api: ApiHarness;
let key: string;
const tenantId = 'tenant-records';
const connectorId = 'tombstoned';
const scope = { tenantId, connectorId };
const open = { browse: ['anyone'], level: ['*'], visibility: ['*'] };

function comment(commentId: string): RecordRow<TCommentRecord> {
  return {
    ...scope, externalId: commentId, revision: revisionOf(100, 1), indexable: true, syncRunId: 'run-1',
    record: { commentId, issueId: 'i1', projectId: 'p1', blockGroupIndex: 1, blockIndex: 0, created: '2026-11-01T10:00:00.000Z', markdown: `comment ${commentId}`, mediaIds: [], acl: open },
  };
}

beforeAll(async () => {
  api = await startApiHarness();
  key = (await api.caller(api.adminKey).tenants.create({ tenantId, name: 'Records' })).apiKey.key;
  await api.caller(key).connectors.create({ connectorId, siteUrl: 'http://127.0.0.1:9', auth: { method: 'api_token', email: 'ops@example.com', apiToken: 'not-used' } });
  const { records } = api.deps;
  await records.users.upsertMany([
    { ...scope, externalId: 'reader', revision: revisionOf(1, 1), indexable: true, syncRunId: 'run-1', record: { accountId: 'reader', displayName: 'Reader', email: 'reader@example.com', active: true, accountType: 'atlassian' } },
    { ...scope, externalId: 'gone', revision: revisionOf(1, 1), indexable: true, syncRunId: 'run-1', record: { accountId: 'gone', displayName: 'Gone', email: 'gone@example.com', active: true, accountType: 'atlassian' } },
  ]);
  await records.comments.upsertMany(['c1', 'c2', 'c3'].map(comment));
  // c2 and the user 'gone' were deleted in Jira: their tombstones stay stored until purged.
  await records.comments.deleteMany([{ ...scope, externalId: 'c2', revision: revisionOf(200, 1), syncRunId: 'run-2', reason: 'deleted in Jira' }]);
  await records.users.deleteMany([{ ...scope, externalId: 'gone', revision: revisionOf(200, 1), syncRunId: 'run-2', reason: 'deleted in Jira' }]);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('records: deleted records (tombstones) are never answered', () => {
  it('lists only live records, on every page', async () => {
    const caller = api.caller(key);
    expect((await caller.records.list({ connectorId, kind: 'comment' })).items.map((item) => item['externalId'])).toEqual(['c1', 'c3']);
    const first = await caller.records.list({ connectorId, kind: 'comment', limit: 1 });
    expect(first.items.map((item) => item['externalId'])).toEqual(['c1']);
    const second = await caller.records.list({ connectorId, kind: 'comment', limit: 1, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ externalId: 'c3' })], nextCursor: undefined });
    expect((await caller.records.list({ connectorId, kind: 'user' })).items.map((item) => item['externalId'])).toEqual(['reader']);
  });

  it("answers NOT_FOUND for a deleted record's id", async () => {
    await expect(api.caller(key).records.get({ connectorId, kind: 'comment', externalId: 'c2' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.caller(key).records.get({ connectorId, kind: 'comment', externalId: 'c3' })).toMatchObject({ markdown: 'comment c3' });
  });

  it('reads as a live user without the deleted records, and a deleted user is not found by email', async () => {
    const page = await api.caller(key).records.asUser({ connectorId, kind: 'comment', email: 'reader@example.com' });
    expect(page.items.map((item) => item['externalId'])).toEqual(['c1', 'c3']);
    const stored = await api.deps.records.users.raw.findOne({ ...scope, externalId: 'gone' });
    expect(stored).toMatchObject({ deleted: true });
    await expect(api.caller(key).records.asUser({ connectorId, kind: 'comment', email: 'gone@example.com' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

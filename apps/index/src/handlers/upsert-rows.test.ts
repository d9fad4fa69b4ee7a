import { describe, expect, it } from 'vitest';
import type { RecordRepositoryPort, RecordRow } from '../record-store.port.js';
import { keepLastGoodAcls } from './upsert-rows.js';

const GOOD = { browse: ['group:g1'], level: ['*'], visibility: ['*'] };
const CLOSED = { browse: [], level: ['*'], visibility: ['*'], unresolved: 'ENG: cannot read the permission scheme' };

function row(externalId: string, acl: object, tenantId = 't1'): RecordRow {
  return { tenantId, connectorId: 'c1', externalId, revision: '2', indexable: true, syncRunId: 'run-2', record: { issueId: externalId, summary: 'x', acl } };
}

function repositoryWith(stored: Record<string, object>) {
  const finds: unknown[] = [];
  const repository: RecordRepositoryPort = {
    upsertMany: async () => ({ written: 0, stale: 0 }),
    deleteMany: async () => 0,
    find: async (scope, filter) => {
      finds.push({ scope, filter });
      const ids = ((filter as { externalId: { $in: string[] } }).externalId.$in);
      return ids.flatMap((id) => (stored[`${scope.tenantId}/${id}`] ? [{ externalId: id, acl: stored[`${scope.tenantId}/${id}`] }] : []));
    },
  };
  return { repository, finds };
}

describe('keepLastGoodAcls', () => {
  it('keeps the stored resolved ACL of a record the worker could not resolve this time', async () => {
    const { repository } = repositoryWith({ 't1/i1': GOOD });
    const [kept] = await keepLastGoodAcls(repository, [row('i1', CLOSED)]);
    expect((kept!.record as { acl: object }).acl).toEqual(GOOD);
    expect((kept!.record as { summary: string }).summary).toBe('x');
  });

  it('leaves a record fail-closed when nothing resolved was ever stored for it (a first sync, or closed before)', async () => {
    const { repository } = repositoryWith({ 't1/i2': CLOSED });
    const rows = await keepLastGoodAcls(repository, [row('i1', CLOSED), row('i2', CLOSED)]);
    expect(rows.map((entry) => (entry.record as { acl: object }).acl)).toEqual([CLOSED, CLOSED]);
  });

  it('never reads the store when every ACL resolved, and never borrows another tenant\'s ACL', async () => {
    const clean = repositoryWith({ 't1/i1': GOOD });
    expect(await keepLastGoodAcls(clean.repository, [row('i1', GOOD)])).toEqual([row('i1', GOOD)]);
    expect(clean.finds).toEqual([]);
    const other = repositoryWith({ 't1/i1': GOOD });
    const [closed] = await keepLastGoodAcls(other.repository, [row('i1', CLOSED, 't2')]);
    expect((closed!.record as { acl: object }).acl).toEqual(CLOSED);
  });
});

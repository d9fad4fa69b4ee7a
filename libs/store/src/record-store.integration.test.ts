import { revisionOf, type TAcl } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { RecordStore } from './record-store.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let records: RecordStore;
const scope = { tenantId: 'acme', connectorId: 'main' };
const meta = { ...scope, revision: revisionOf(1, 1), indexable: true, syncRunId: 'run-1' };

function issue(issueId: string, acl: TAcl) {
  return {
    ...meta,
    externalId: issueId,
    record: {
      issueId, key: `P-${issueId}`, projectId: 'p1', projectKey: 'P', summary: issueId, labels: [], components: [], fixVersions: [],
      customFields: [], links: [], created: '2026-11-01T10:00:00.000Z', updated: '2026-11-01T10:00:00.000Z', webUrl: '', blockGroups: [], commentIds: [], attachmentIds: [], acl,
    },
  };
}

const open = { level: ['*'], visibility: ['*'] };

beforeAll(async () => {
  store = await connectTestStore('readable');
  records = new RecordStore(store.db, store.capabilities);
  await records.ensureIndexes();
  const user = (accountId: string, active = true) => ({ ...meta, externalId: accountId, record: { accountId, displayName: accountId, active, accountType: 'atlassian' } });
  await records.users.upsertMany([user('alice'), user('bob'), user('carol'), user('dave'), user('gone', false)]);
  await records.groups.upsertMany([
    { ...meta, externalId: 'g-dev', record: { groupId: 'g-dev', name: 'dev', memberAccountIds: ['bob', 'gone'] } },
    { ...meta, externalId: 'g-ops', record: { groupId: 'g-ops', name: 'ops', memberAccountIds: ['dave'] } },
  ]);
  await records.roles.upsertMany([
    { ...meta, externalId: 'p1:10', record: { kind: 'role', projectId: 'p1', roleId: '10', name: 'Dev', userAccountIds: ['carol'], groupIds: ['g-ops'] } },
    { ...meta, externalId: 'p1:lead', record: { kind: 'lead', projectId: 'p1', roleId: 'lead', name: 'Lead', userAccountIds: ['alice'], groupIds: ['g-ops'] } },
  ]);
  await records.issues.upsertMany([
    issue('public', { browse: ['anyone'], ...open }),
    issue('alice-only', { browse: ['user:alice'], ...open }),
    issue('dev-group', { browse: ['group:g-dev'], ...open }),
    issue('dev-role', { browse: ['role:p1:10'], ...open }),
    issue('lead', { browse: ['lead:p1'], ...open }),
    issue('level-dev', { browse: ['anyone'], level: ['group:g-dev'], visibility: ['*'] }),
    issue('visible-role', { browse: ['anyone'], level: ['*'], visibility: ['role:p1:10'] }),
    issue('all-layers', { browse: ['group:g-dev'], level: ['user:bob'], visibility: ['group:g-dev'] }),
    issue('closed', { browse: [], level: ['*'], visibility: ['*'], unresolved: 'no scheme' }),
    { ...issue('public', { browse: ['anyone'], ...open }), connectorId: 'other' },
  ]);
});

afterAll(() => dropTestStore(store));

describe('RecordStore.readableBy', () => {
  it('expands each principal type and requires every layer', async () => {
    expect(await records.readableBy(scope, 'alice', 'issue')).toEqual(['alice-only', 'lead', 'public']);
    expect(await records.readableBy(scope, 'bob', 'issue')).toEqual(['all-layers', 'dev-group', 'level-dev', 'public']);
    expect(await records.readableBy(scope, 'carol', 'issue')).toEqual(['dev-role', 'public', 'visible-role']);
    // dave holds role p1:10 through group g-ops; a lead's group actors do not make him lead.
    expect(await records.readableBy(scope, 'dave', 'issue')).toEqual(['dev-role', 'public', 'visible-role']);
  });

  it('gives an inactive or unknown account nothing, even public records', async () => {
    expect(await records.readableBy(scope, 'gone', 'issue')).toEqual([]);
    expect(await records.readableBy(scope, 'stranger', 'issue')).toEqual([]);
  });

  it('stays inside the connector and the asked kind', async () => {
    expect(await records.readableBy({ tenantId: 'acme', connectorId: 'other' }, 'alice', 'issue')).toEqual([]);
    expect(await records.readableBy(scope, 'alice', 'project')).toEqual([]);
  });
});

describe('indexes', () => {
  it("indexes issues and roles by project, so deletions read a project's ids without scanning the connector", async () => {
    for (const name of ['issues', 'roles']) {
      const indexes = await store.db.collection(name).listIndexes().toArray();
      expect(indexes.find((index) => index['name'] === 'project')?.['key']).toEqual({ tenantId: 1, connectorId: 1, projectId: 1 });
    }
  });
});

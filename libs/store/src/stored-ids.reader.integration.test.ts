import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConnection } from './connect-store.js';
import { RecordStore } from './record-store.js';
import { StoredIdsReader } from './stored-ids.reader.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let reader: StoredIdsReader;
const scope = { tenantId: 'acme', connectorId: 'main' };
const other = { tenantId: 'acme', connectorId: 'other' };
const row = (where: typeof scope, externalId: string, projectId: string, deleted = false) => ({ ...where, externalId, projectId, revision: `rev-${externalId}`, ...(deleted ? { deleted: true } : {}) });

beforeAll(async () => {
  store = await connectTestStore('stored_ids');
  const records = new RecordStore(store.db, store.capabilities);
  await records.ensureIndexes();
  // 2,500 issues in p1: more than one cursor batch.
  await records.issues.raw.insertMany([
    ...Array.from({ length: 2_500 }, (_, index) => row(scope, String(10_000 + index), 'p1')),
    row(scope, '1', 'p2'),
    row(scope, '2', 'p2', true),
    row(scope, '3', 'p3'),
    row(other, '4', 'p9'),
  ]);
  await records.projects.raw.insertMany([row(scope, 'p1', 'p1'), row(scope, 'p2', 'p2'), row(scope, 'p4', 'p4', true)]);
  await records.roles.raw.insertMany([row(scope, 'p1:10002', 'p1'), row(scope, 'p5:10002', 'p5')]);
  reader = new StoredIdsReader(records);
});

afterAll(() => dropTestStore(store));

describe('StoredIdsReader', () => {
  it("streams a project's live issues only, across cursor batches, with their revisions", async () => {
    const p1: string[] = [];
    for await (const issue of reader.issuesOfProject(scope, 'p1')) p1.push(issue.externalId);
    expect(p1).toHaveLength(2_500);
    const p2 = [];
    for await (const issue of reader.issuesOfProject(scope, 'p2')) p2.push(issue);
    expect(p2).toEqual([{ externalId: '1', revision: 'rev-1', projectId: 'p2' }]);
  });

  it("streams every live issue of one connector, none of another connector's", async () => {
    const projects = new Map<string, number>();
    for await (const issue of reader.liveIssues(scope)) projects.set(issue.projectId ?? '', (projects.get(issue.projectId ?? '') ?? 0) + 1);
    expect(Object.fromEntries(projects)).toEqual({ p1: 2_500, p2: 1, p3: 1 });
  });

  it('lists every project the connector still holds live records of, from projects, roles and issues alike', async () => {
    expect(await reader.projectIds(scope)).toEqual(['p1', 'p2', 'p3', 'p5']);
    expect(await reader.projectIds(scope, { issues: false })).toEqual(['p1', 'p2', 'p5']);
    expect(await reader.projectIds(other)).toEqual(['p9']);
  });

  it('finds issues by exact id only, and the live project record and roles of a project', async () => {
    expect((await reader.issuesByIds(scope, ['1', '2', '4', '1000'])).map((issue) => issue.externalId)).toEqual(['1']);
    expect(await reader.project(scope, 'p1')).toMatchObject({ externalId: 'p1' });
    expect(await reader.project(scope, 'p4')).toBeUndefined();
    const roles = [];
    for await (const role of reader.rolesOfProject(scope, 'p1')) roles.push(role.externalId);
    expect(roles).toEqual(['p1:10002']);
  });
});

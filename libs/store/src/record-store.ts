import type {
  TAttachmentRecord,
  TCommentRecord,
  TGroupRecord,
  TProjectRecord,
  TRoleRecord,
  TUserRecord,
} from '@jira-sync/contracts';
import type { Collection, Db, Document } from 'mongodb';
import { IssueChildRegistry } from './issue-children.registry.js';
import { IssueRepository } from './issue.repository.js';
import { principalsOf, readableFilter, type ConnectorScope } from './readable-by.js';
import { RecordRepository } from './record.repository.js';
import type { ServerCapabilities } from './server-capabilities.js';

export type ReadableKind = 'project' | 'issue' | 'comment' | 'attachment';

/** The seven record collections, their indexes, and the permission query over them. */
export class RecordStore {
  readonly users: RecordRepository<TUserRecord>;
  readonly groups: RecordRepository<TGroupRecord>;
  readonly roles: RecordRepository<TRoleRecord>;
  readonly projects: RecordRepository<TProjectRecord>;
  readonly issues: IssueRepository;
  readonly comments: RecordRepository<TCommentRecord>;
  readonly attachments: RecordRepository<TAttachmentRecord>;
  /** Which children each issue has in the store (see IssueChildRegistry). */
  readonly childRegistry: IssueChildRegistry;

  constructor(
    db: Db,
    readonly capabilities?: ServerCapabilities,
  ) {
    // Without capabilities, assume the cautious server (FerretDB-like bulk writes).
    const unorderedBulkWrites = capabilities?.flavour === 'mongodb';
    this.users = new RecordRepository(db, 'users', { unorderedBulkWrites });
    this.groups = new RecordRepository(db, 'groups', { unorderedBulkWrites });
    this.roles = new RecordRepository(db, 'roles', { projectIndex: true, unorderedBulkWrites });
    this.projects = new RecordRepository(db, 'projects', { aclIndex: true, unorderedBulkWrites });
    const registry = new IssueChildRegistry(db);
    this.childRegistry = registry;
    this.comments = new RecordRepository(db, 'comments', { aclIndex: true, issueIndex: true, unorderedBulkWrites, children: { kind: 'comments', registry } });
    this.attachments = new RecordRepository(db, 'attachments', { aclIndex: true, issueIndex: true, unorderedBulkWrites, children: { kind: 'attachments', registry } });
    this.issues = new IssueRepository(db, this.comments, this.attachments, registry, unorderedBulkWrites);
  }

  async ensureIndexes(): Promise<void> {
    for (const repository of this.records()) await repository.ensureIndexes();
  }

  /** The external ids of the records of `kind` this account may read (every ACL layer admits it), sorted. */
  async readableBy(scope: ConnectorScope, accountId: string, kind: ReadableKind): Promise<string[]> {
    const principals = await principalsOf(this, scope, accountId);
    if (principals.length === 0) return [];
    const collection = this.repositoryOf(kind);
    const docs = await collection.find(readableFilter(scope, principals), { projection: { _id: 0, externalId: 1 } }).toArray();
    return docs.map((doc) => String(doc['externalId'])).sort();
  }

  /**
   * Removes every tombstone written before `deletedBefore`. Purge only past the replay horizon: a tombstone must
   * outlive every event that could still carry an older version of its record (README, "Tombstones").
   */
  async purgeTombstones(deletedBefore: Date): Promise<number> {
    let purged = 0;
    for (const repository of this.records()) purged += await repository.purgeTombstones(deletedBefore);
    return purged;
  }

  /**
   * Removes every stored document of one connector's records: each record collection (tombstones included) and the
   * issue child registry. Returns how many records went (registry entries are not records and are not counted).
   */
  async deleteConnectorRecords(scope: ConnectorScope): Promise<number> {
    const filter = { tenantId: scope.tenantId, connectorId: scope.connectorId };
    let records = 0;
    for (const repository of this.records()) records += (await repository.raw.deleteMany(filter)).deletedCount;
    await this.childRegistry.collection.deleteMany(filter);
    return records;
  }

  private repositoryOf(kind: ReadableKind): Collection<Document> {
    switch (kind) {
      case 'project':
        return this.projects.raw;
      case 'issue':
        return this.issues.raw;
      case 'comment':
        return this.comments.raw;
      case 'attachment':
        return this.attachments.raw;
    }
  }

  private records(): Array<Pick<RecordRepository<object>, 'ensureIndexes' | 'purgeTombstones' | 'raw'>> {
    return [this.users, this.groups, this.roles, this.projects, this.issues, this.comments, this.attachments];
  }
}

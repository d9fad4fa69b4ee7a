import type { Collection, Db } from 'mongodb';
import type { IssueRepositoryPort, RecordDeleteKey, RecordRepositoryPort, RecordRow, RecordStorePort } from './record-store.port.js';

/**
 * A minimal revision-guarded store on the real database, shaped like libs/store's RecordStore, for the consumer's
 * integration test. Deletions leave tombstones so a replayed older upsert stays stale.
 */
interface StoredRow extends Partial<RecordRow> {
  _id: string;
  tenantId: string;
  connectorId: string;
  externalId: string;
  revision: string;
  deleted?: boolean;
}

const idOf = (row: { tenantId: string; connectorId: string; externalId: string }) => JSON.stringify([row.tenantId, row.connectorId, row.externalId]);
const isDuplicate = (error: unknown) => (error as { code?: unknown }).code === 11000;

function storedContentId(record: unknown): string | undefined {
  const content = (record as { content?: { state?: string; gridFsId?: string } } | null)?.content;
  return content?.state === 'stored' ? content.gridFsId : undefined;
}

class TestRepository implements RecordRepositoryPort {
  constructor(readonly collection: Collection<StoredRow>) {}

  async upsertMany(rows: RecordRow[]) {
    let written = 0;
    let stale = 0;
    for (const row of rows) {
      try {
        await this.collection.updateOne({ _id: idOf(row), revision: { $lt: row.revision } }, { $set: { ...row, deleted: false } }, { upsert: true });
        written += 1;
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        stale += 1;
      }
    }
    return { written, stale };
  }

  async deleteMany(keys: RecordDeleteKey[]) {
    const gridFsIds: string[] = [];
    for (const key of keys) gridFsIds.push(...(await this.tombstone(idOf(key), key, key.revision)));
    return { gridFsIds };
  }

  /** Marks a record deleted at a revision unless a newer version is stored; returns its released content. */
  async tombstone(id: string, key: Omit<RecordDeleteKey, 'revision'>, revision: string): Promise<string[]> {
    const before = await this.collection.findOne({ _id: id });
    if (before && before.revision > revision) return [];
    try {
      await this.collection.updateOne(
        { _id: id, revision: { $lte: revision } },
        { $set: { tenantId: key.tenantId, connectorId: key.connectorId, externalId: key.externalId, revision, deleted: true, record: null } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      return [];
    }
    const gridFsId = before?.deleted ? undefined : storedContentId(before?.record);
    return gridFsId ? [gridFsId] : [];
  }
}

class TestIssueRepository extends TestRepository implements IssueRepositoryPort {
  constructor(
    collection: Collection<StoredRow>,
    private readonly comments: TestRepository,
    private readonly attachments: TestRepository,
  ) {
    super(collection);
  }

  async pruneChildren(tenantId: string, connectorId: string, issueId: string, keepCommentIds: string[], keepAttachmentIds: string[], revision: string) {
    const issue = await this.collection.findOne({ _id: idOf({ tenantId, connectorId, externalId: issueId }) });
    if (issue && issue.revision > revision) return { gridFsIds: [] };
    const gridFsIds: string[] = [];
    for (const [children, keep] of [
      [this.comments, keepCommentIds],
      [this.attachments, keepAttachmentIds],
    ] as const) {
      const stored = await children.collection.find({ tenantId, connectorId, 'record.issueId': issueId, deleted: false }).toArray();
      for (const child of stored.filter((row) => !keep.includes(row.externalId))) {
        gridFsIds.push(...(await children.tombstone(child._id, child, revision > child.revision ? revision : child.revision)));
      }
    }
    return { gridFsIds };
  }
}

export function createTestRecordStore(db: Db): RecordStorePort & { snapshot(): Promise<Record<string, unknown[]>> } {
  const repo = (name: string) => new TestRepository(db.collection<StoredRow>(`records_${name}`));
  const comments = repo('comments');
  const attachments = repo('attachments');
  const store = {
    users: repo('users'),
    groups: repo('groups'),
    roles: repo('roles'),
    projects: repo('projects'),
    issues: new TestIssueRepository(db.collection<StoredRow>('records_issues'), comments, attachments),
    comments,
    attachments,
  };
  return {
    ...store,
    /** Live records per kind, sorted by id, for comparing two stores. */
    async snapshot() {
      const result: Record<string, unknown[]> = {};
      for (const [kind, repository] of Object.entries(store)) {
        result[kind] = await repository.collection.find({ deleted: false }, { projection: { deleted: 0 } }).sort({ _id: 1 }).toArray();
      }
      return result;
    },
  };
}

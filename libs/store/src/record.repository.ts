import type { TRevision } from '@jira-sync/contracts';
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Db, type Document, type Filter } from 'mongodb';
import { isDuplicateKeyError } from './store-errors.js';

/** Where a record belongs and which version it is; every stored record carries these beside its own fields. */
export interface RecordKey {
  tenantId: string;
  connectorId: string;
  externalId: string;
}

export interface RecordRevisionKey extends RecordKey {
  revision: TRevision;
}

/** One record to write, as a record event carries it. */
export interface RecordRow<R> extends RecordRevisionKey {
  indexable: boolean;
  syncRunId: string;
  record: R;
}

export interface RecordMeta extends RecordRevisionKey {
  indexable: boolean;
  syncRunId: string;
  storedAt: Date;
}

/** The stored document: the record's fields spread beside its key, revision and provenance. */
export type StoredRecord<R> = RecordMeta & R;

export interface UpsertResult {
  /** Rows inserted or replacing an older revision. */
  written: number;
  /** Rows whose revision was not newer than the stored one (redeliveries and stale replays): skipped, not errors. */
  stale: number;
}

export interface RecordCollectionOptions {
  /** Adds the (tenantId, connectorId, acl.browse) index the readable-by query uses. */
  aclIndex?: boolean;
  /** Adds the (tenantId, connectorId, issueId) index for records that belong to an issue. */
  issueIndex?: boolean;
  /**
   * True where an unordered bulk write runs every operation past a failed one and reports each failure (MongoDB).
   * FerretDB v1 stops at the first failure, so without this the rows are re-applied one by one after a collision.
   */
  unorderedBulkWrites?: boolean;
}

/**
 * A collection of one record kind, written only through revision-guarded upserts: the filter asks for an OLDER
 * revision, so a stored newer-or-equal version makes the upsert collide with the unique key (E11000), which is
 * counted as stale. No read-before-write, no transaction, and the same on MongoDB and FerretDB.
 */
export class RecordRepository<R extends object> {
  readonly collection: Collection<StoredRecord<R>>;
  /** The same collection untyped, for queries across record kinds. */
  readonly raw: Collection<Document>;

  constructor(
    db: Db,
    readonly collectionName: string,
    private readonly options: RecordCollectionOptions = {},
  ) {
    this.collection = db.collection<StoredRecord<R>>(collectionName);
    this.raw = db.collection(collectionName);
  }

  async ensureIndexes(): Promise<void> {
    const raw = this.raw;
    await raw.createIndex({ tenantId: 1, connectorId: 1, externalId: 1 }, { unique: true, name: 'record_key_unique' });
    if (this.options.aclIndex) await raw.createIndex({ tenantId: 1, connectorId: 1, 'acl.browse': 1 }, { name: 'acl_browse' });
    if (this.options.issueIndex) await raw.createIndex({ tenantId: 1, connectorId: 1, issueId: 1 }, { name: 'issue' });
  }

  /** Writes every row whose revision is newer than the stored one, in one unordered bulk write. */
  async upsertMany(rows: ReadonlyArray<RecordRow<R>>): Promise<UpsertResult> {
    if (rows.length === 0) return { written: 0, stale: 0 };
    const storedAt = new Date();
    const operations = rows.map((row): AnyBulkWriteOperation<Document> => {
      const { tenantId, connectorId, externalId, revision, indexable, syncRunId, record } = row;
      const replacement: Document = { ...record, tenantId, connectorId, externalId, revision, indexable, syncRunId, storedAt };
      return { replaceOne: { filter: { tenantId, connectorId, externalId, revision: { $lt: revision } }, replacement, upsert: true } };
    });
    try {
      await this.raw.bulkWrite(operations, { ordered: false });
      return { written: rows.length, stale: 0 };
    } catch (error) {
      const collisions = duplicateKeyCollisions(error);
      if (collisions === undefined) throw error;
      // Every upsert that did not collide replaced an older version or inserted a new one.
      if (this.options.unorderedBulkWrites) return { written: rows.length - collisions, stale: collisions };
    }
    return this.reapplyOneByOne(rows, operations, storedAt);
  }

  /**
   * The server stopped at a collision without saying which rows ran: apply each row again (revision-guarded, so a
   * row already written collides harmlessly), then count as written the rows now stored with this batch's revision
   * and timestamp.
   */
  private async reapplyOneByOne(rows: ReadonlyArray<RecordRow<R>>, operations: Array<AnyBulkWriteOperation<Document>>, storedAt: Date): Promise<UpsertResult> {
    for (const operation of operations) {
      try {
        await this.raw.bulkWrite([operation], { ordered: true });
      } catch (error) {
        if (duplicateKeyCollisions(error) === undefined) throw error;
      }
    }
    let written = 0;
    for (const [scopeKey, scopeRows] of groupByScope(rows)) {
      const [tenantId, connectorId] = JSON.parse(scopeKey) as [string, string];
      const stored = await this.raw
        .find({ tenantId, connectorId, externalId: { $in: scopeRows.map((row) => row.externalId) } }, { projection: { _id: 0, externalId: 1, revision: 1, storedAt: 1 } })
        .toArray();
      const byId = new Map(stored.map((doc) => [String(doc['externalId']), doc]));
      for (const row of scopeRows) {
        const doc = byId.get(row.externalId);
        if (doc !== undefined && doc['revision'] === row.revision && doc['storedAt'] instanceof Date && doc['storedAt'].getTime() === storedAt.getTime()) written++;
      }
    }
    return { written, stale: rows.length - written };
  }

  /** Deletes each record whose stored revision is not newer than the deletion's; returns how many went. */
  async deleteMany(keys: ReadonlyArray<RecordRevisionKey>): Promise<number> {
    if (keys.length === 0) return 0;
    const raw = this.raw;
    const result = await raw.bulkWrite(
      keys.map(({ tenantId, connectorId, externalId, revision }) => ({
        deleteOne: { filter: { tenantId, connectorId, externalId, revision: { $lte: revision } } },
      })),
      { ordered: false },
    );
    return result.deletedCount;
  }

  async get(key: RecordKey): Promise<StoredRecord<R> | null> {
    const raw = this.raw;
    const doc = await raw.findOne({ tenantId: key.tenantId, connectorId: key.connectorId, externalId: key.externalId }, { projection: { _id: 0 } });
    return doc as StoredRecord<R> | null;
  }

  async find(scope: { tenantId: string; connectorId: string }, filter: Filter<Document> = {}): Promise<Array<StoredRecord<R>>> {
    const raw = this.raw;
    const docs = await raw.find({ ...filter, tenantId: scope.tenantId, connectorId: scope.connectorId }, { projection: { _id: 0 } }).sort({ externalId: 1 }).toArray();
    return docs as unknown as Array<StoredRecord<R>>;
  }
}

/** The number of write errors when every one is a duplicate-key collision; undefined for any other failure. */
function duplicateKeyCollisions(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (errors.length === 0 || errors.some((writeError) => !isDuplicateKeyError(writeError))) return undefined;
  return errors.length;
}

function groupByScope<T extends RecordKey>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.tenantId, row.connectorId]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

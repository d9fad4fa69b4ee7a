import type { TRevision } from '@jira-sync/contracts';
import type { Collection, Db, Document, Filter } from 'mongodb';
import { applyGuardedReplaces, keyed, readByIds, type GuardedReplace, type StoredVersion } from './guarded-writes.js';
import type { ChildEntry, ChildKind, IssueChildRegistry, KnownChildren } from './issue-children.registry.js';

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

/** A deletion to record: the record's fields go, its key and the deleting revision stay as a tombstone. */
export interface RecordDeletion extends RecordRevisionKey {
  syncRunId?: string;
  reason?: string;
  /** A comment's or attachment's issue, kept on the tombstone so the issue's later prunes still see it. */
  issueId?: string;
}

/**
 * What is left of a deleted record until it is purged. Its revision keeps any upsert that is not newer out, so a
 * replayed older event cannot bring the record back. Listings, `get` and readableBy never return it.
 */
export interface RecordTombstone extends RecordRevisionKey {
  deleted: true;
  deletedAt: Date;
  storedAt: Date;
  syncRunId?: string;
  reason?: string;
  issueId?: string;
}

export interface UpsertResult {
  /** Rows inserted or replacing an older revision (or an older tombstone). */
  written: number;
  /** Rows whose revision was not newer than the stored one (redeliveries and stale replays): skipped, not errors. */
  stale: number;
}

/** What a write of children may share with the writes and prunes around it. */
export interface RecordWriteOptions {
  /** Registry entries of this unit of work (see KnownChildren): registrations return into it, prunes read from it. */
  knownChildren?: KnownChildren;
}

export interface RecordCollectionOptions {
  /** Adds the (tenantId, connectorId, acl.browse) index the readable-by query uses. */
  aclIndex?: boolean;
  /** Adds the (tenantId, connectorId, issueId) index for records that belong to an issue. */
  issueIndex?: boolean;
  /** Adds the (tenantId, connectorId, projectId) index for records of a project (deletions read a project's ids). */
  projectIndex?: boolean;
  /**
   * True where a filtered replace is atomic and uses the `_id` index beside other clauses, and an unordered bulk write
   * reports each failure (MongoDB): the revision guard then goes into the write's filter. False (FerretDB v1, which
   * uses an index only for a filter that is exactly `{ _id }`): stored versions are read by `_id` first.
   */
  unorderedBulkWrites?: boolean;
  /**
   * For the children of issues (comments, attachments): every write first registers the child under its issue, so the
   * issue's prunes find it by `_id` (see IssueChildRegistry).
   */
  children?: { kind: ChildKind; registry: IssueChildRegistry };
}

/**
 * A record's `_id`: derived from its key, so upserts, guards and reads by external id hit the `_id` index on every
 * server (FerretDB v1 answers only `{ _id }` from an index). The unique (tenantId, connectorId, externalId) index stays.
 */
function recordDocumentId(key: RecordKey): string {
  return JSON.stringify([key.tenantId, key.connectorId, key.externalId]);
}

/** A filter naming only external ids (`{ externalId: id }` or `{ externalId: { $in: ids } }`), as their list; else undefined. */
function externalIdsOnly(filter: Filter<Document>): string[] | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== 'externalId') return undefined;
  const value: unknown = filter['externalId'];
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && Array.isArray((value as { $in?: unknown }).$in)) {
    const ids = (value as { $in: unknown[] }).$in;
    return ids.every((id): id is string => typeof id === 'string') ? ids : undefined;
  }
  return undefined;
}

export interface FindOptions {
  /** Also return tombstones (deleted records not purged yet); listings leave them out. */
  includeDeleted?: boolean;
  /** Only these fields (`find` only): a large record (a 5 MB description) need not travel when a list is enough. */
  fields?: readonly string[];
}

/** The filter clause that leaves tombstones out (a live record has no `deleted` field). */
export const NOT_DELETED = { deleted: { $ne: true } } as const;

/**
 * A collection of one record kind, written only through revision-guarded upserts (see guarded-writes.ts): an upsert
 * replaces a stored version only when that version, live or tombstone, has an older revision.
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

  /** The `_id` this repository stores the record of `key` under. */
  documentId(key: RecordKey): string {
    return recordDocumentId(key);
  }

  async ensureIndexes(): Promise<void> {
    const raw = this.raw;
    await raw.createIndex({ tenantId: 1, connectorId: 1, externalId: 1 }, { unique: true, name: 'record_key_unique' });
    if (this.options.aclIndex) await raw.createIndex({ tenantId: 1, connectorId: 1, 'acl.browse': 1 }, { name: 'acl_browse' });
    if (this.options.issueIndex) await raw.createIndex({ tenantId: 1, connectorId: 1, issueId: 1 }, { name: 'issue' });
    if (this.options.projectIndex) await raw.createIndex({ tenantId: 1, connectorId: 1, projectId: 1 }, { name: 'project' });
  }

  /** Writes every row whose revision is newer than the stored version's (a tombstone's included), in one bulk write. */
  async upsertMany(rows: ReadonlyArray<RecordRow<R>>, options: RecordWriteOptions = {}): Promise<UpsertResult> {
    await this.registerChildren(rows.map((row) => ({ ...row, issueId: (row.record as { issueId?: unknown }).issueId })), options.knownChildren);
    const storedAt = new Date();
    const writes = rows.map((row): GuardedReplace => {
      const { tenantId, connectorId, externalId, revision, indexable, syncRunId, record } = row;
      const _id = recordDocumentId(row);
      return {
        _id,
        guard: { revision: { $lt: revision } },
        mayReplace: (stored: StoredVersion | undefined) => stored === undefined || stored.revision < revision,
        replacement: { ...record, _id, tenantId, connectorId, externalId, revision, indexable, syncRunId, storedAt },
      };
    });
    return applyGuardedReplaces(this.raw, writes, this.options.unorderedBulkWrites === true);
  }

  /**
   * Replaces each record whose stored revision is not newer than the deletion's by a tombstone carrying the
   * deletion's revision (also where nothing is stored yet: the upsert may still be on its way). A redelivered
   * deletion leaves its tombstone as it is. Returns how many tombstones were written.
   */
  async deleteMany(deletions: ReadonlyArray<RecordDeletion>, options: RecordWriteOptions = {}): Promise<number> {
    await this.registerChildren(deletions, options.knownChildren);
    const storedAt = new Date();
    const writes = deletions.map((deletion): GuardedReplace => {
      const { tenantId, connectorId, externalId, revision, syncRunId, reason, issueId } = deletion;
      const tombstone: RecordTombstone = {
        tenantId, connectorId, externalId, revision, deleted: true, deletedAt: storedAt, storedAt,
        ...(syncRunId !== undefined ? { syncRunId } : {}),
        ...(reason !== undefined ? { reason } : {}),
        ...(issueId !== undefined ? { issueId } : {}),
      };
      const _id = recordDocumentId(deletion);
      return {
        _id,
        guard: { $or: [{ revision: { $lt: revision } }, { revision, ...NOT_DELETED }] },
        mayReplace: (stored: StoredVersion | undefined) => stored === undefined || stored.revision < revision || (stored.revision === revision && stored.deleted !== true),
        replacement: { ...tombstone, _id },
      };
    });
    return (await applyGuardedReplaces(this.raw, writes, this.options.unorderedBulkWrites === true)).written;
  }

  /** Registers, before they are written, the children among these rows (those naming an issue) with their issues. */
  private async registerChildren(rows: ReadonlyArray<RecordKey & { issueId?: unknown }>, known?: KnownChildren): Promise<void> {
    const children = this.options.children;
    if (!children) return;
    const entries = rows.flatMap((row): ChildEntry[] =>
      typeof row.issueId === 'string' ? [{ tenantId: row.tenantId, connectorId: row.connectorId, issueId: row.issueId, externalId: row.externalId }] : [],
    );
    await children.registry.register(children.kind, entries, known);
  }

  /** Removes the tombstones written before `deletedBefore` (see the purge rule in the README); returns how many. */
  async purgeTombstones(deletedBefore: Date): Promise<number> {
    const result = await this.raw.deleteMany({ deleted: true, deletedAt: { $lt: deletedBefore } });
    return result.deletedCount;
  }

  async get(key: RecordKey, options: FindOptions = {}): Promise<StoredRecord<R> | null> {
    const [doc] = await this.find(key, { externalId: key.externalId }, { includeDeleted: options.includeDeleted === true });
    return doc ?? null;
  }

  /**
   * The connector's live records matching `filter`, sorted by external id (with tombstones only when asked). A filter
   * on external ids alone is answered by `_id` (point reads), so it never scans the collection on FerretDB.
   */
  async find(scope: { tenantId: string; connectorId: string }, filter: Filter<Document> = {}, options: FindOptions = {}): Promise<Array<StoredRecord<R>>> {
    const ids = externalIdsOnly(filter);
    if (ids) return this.findByExternalIds(scope, ids, options);
    const query: Filter<Document> = { ...(options.includeDeleted ? {} : NOT_DELETED), ...filter, tenantId: scope.tenantId, connectorId: scope.connectorId };
    const projection: Document = { _id: 0, ...Object.fromEntries((options.fields ?? []).map((field) => [field, 1])) };
    const docs = await this.raw.find(query, { projection }).sort({ externalId: 1 }).toArray();
    return docs as unknown as Array<StoredRecord<R>>;
  }

  private async findByExternalIds(scope: { tenantId: string; connectorId: string }, externalIds: readonly string[], options: FindOptions): Promise<Array<StoredRecord<R>>> {
    const fields = options.fields ?? [];
    // `deleted` is read to leave tombstones out; it is returned only when the whole document or that field was asked.
    const projection: Document | undefined = fields.length > 0 ? Object.fromEntries([...fields, 'deleted'].map((field) => [field, 1])) : undefined;
    const ids = externalIds.map((externalId) => recordDocumentId({ ...scope, externalId }));
    const docs = this.options.unorderedBulkWrites === true
      ? await this.raw.find(keyed({ _id: { $in: ids } }), projection ? { projection } : {}).toArray()
      : await readByIds(this.raw, ids, projection);
    return docs
      .filter((doc) => options.includeDeleted === true || doc['deleted'] !== true)
      .map((doc) => {
        const { _id, deleted, ...rest } = doc;
        return (fields.length === 0 || fields.includes('deleted')) && deleted !== undefined ? { ...rest, deleted } : rest;
      })
      .sort((left, right) => (String(left['externalId']) < String(right['externalId']) ? -1 : 1)) as unknown as Array<StoredRecord<R>>;
  }
}

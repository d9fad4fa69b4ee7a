import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Document, type Filter } from 'mongodb';
import { isDuplicateKeyError } from './store-errors.js';

/** What a guard needs to know of the stored version of a record. */
export interface StoredVersion {
  revision: string;
  deleted?: boolean;
}

/** A document to store under a record's `_id`, if the stored version lets it (the guard). */
export interface GuardedReplace {
  /** The record's deterministic `_id` (recordDocumentId). */
  _id: string;
  /** The guard as a filter clause on the stored document, for the server that applies it atomically (MongoDB). */
  guard: Document;
  /** The same guard in code, for the server that is read first (FerretDB); undefined = nothing stored. */
  mayReplace(stored: StoredVersion | undefined): boolean;
  replacement: Document;
}

export interface GuardedWriteResult {
  /** Documents inserted or replacing an older version. */
  written: number;
  /** Writes whose guard did not match the stored version (redeliveries and stale replays): skipped, not errors. */
  stale: number;
}

/**
 * Runs revision-guarded replaces keyed by `_id`, in one bulk write.
 *
 * `atomicGuards` (MongoDB): `replaceOne({ _id, ...guard }, upsert)` in one unordered bulk write; when the guard does not
 * match, the upsert tries to insert and the `_id` rejects it (E11000): that write is stale. No read, no transaction.
 *
 * Otherwise (FerretDB v1, which uses an index only for a filter that is exactly `{ _id }` and scans the collection
 * for any other, per operation): the stored versions are read by `_id`, the guard is decided here, and the writes
 * that pass go out as `replaceOne({ _id }, upsert)` in one ordered bulk write. Not atomic between the read and the
 * write, as FerretDB's own filtered updates are not; a concurrent insert of the same record makes the upsert collide,
 * and the writes from there on are read and decided again.
 */
export async function applyGuardedReplaces(collection: Collection<Document>, writes: readonly GuardedReplace[], atomicGuards: boolean): Promise<GuardedWriteResult> {
  if (writes.length === 0) return { written: 0, stale: 0 };
  if (atomicGuards) return applyAtomically(collection, writes);
  // A full sync writes mostly records not stored yet: insert first, in order, until the first one already stored.
  let written = await insertUntilStored(collection, writes);
  let stale = 0;
  let pending = writes.slice(written);
  for (let attempt = 0; pending.length > 0; attempt++) {
    const stored = await readVersions(collection, pending.map((write) => write._id));
    // Decided in order against the version before each: a second write of one record in the batch sees the first.
    const passing = pending.filter((write) => {
      if (!write.mayReplace(stored.get(write._id))) return false;
      stored.set(write._id, { revision: String(write.replacement['revision']), ...(write.replacement['deleted'] === true ? { deleted: true } : {}) });
      return true;
    });
    stale += pending.length - passing.length;
    const operations = passing.map((write): AnyBulkWriteOperation<Document> => ({ replaceOne: { filter: keyed({ _id: write._id }), replacement: write.replacement, upsert: true } }));
    if (operations.length === 0) break;
    try {
      await collection.bulkWrite(operations, { ordered: true });
      written += operations.length;
      break;
    } catch (error) {
      const failedAt = firstCollision(error);
      if (failedAt === undefined || attempt >= 2) throw error;
      // Everything before the collision was written; the rest is read and decided again.
      written += failedAt;
      pending = passing.slice(failedAt);
    }
  }
  return { written, stale };
}

/**
 * Inserts the writes in order (one round trip) and returns how many went in before the first collision: the writes
 * whose guard admits a record not stored yet (every guard here does). From the first collision on, the caller reads.
 */
async function insertUntilStored(collection: Collection<Document>, writes: readonly GuardedReplace[]): Promise<number> {
  if (!writes.every((write) => write.mayReplace(undefined))) return 0;
  try {
    await collection.insertMany(writes.map((write) => ({ ...write.replacement, _id: write._id }) as Document), { ordered: true });
    return writes.length;
  } catch (error) {
    const failedAt = firstCollision(error);
    if (failedAt === undefined) throw error;
    return failedAt;
  }
}

async function applyAtomically(collection: Collection<Document>, writes: readonly GuardedReplace[]): Promise<GuardedWriteResult> {
  const operations = writes.map((write): AnyBulkWriteOperation<Document> => ({ replaceOne: { filter: keyed({ _id: write._id, ...write.guard }), replacement: write.replacement, upsert: true } }));
  try {
    await collection.bulkWrite(operations, { ordered: false });
    return { written: writes.length, stale: 0 };
  } catch (error) {
    const collisions = duplicateKeyCollisions(error);
    if (collisions === undefined) throw error;
    return { written: writes.length - collisions, stale: collisions };
  }
}

/**
 * The stored versions of these `_id`s, one point read each (sent concurrently): a filter that is exactly `{ _id }` is
 * the only one FerretDB v1 answers from an index, an `$in` scans the collection.
 */
async function readVersions(collection: Collection<Document>, ids: readonly string[]): Promise<Map<string, StoredVersion>> {
  const docs = await readByIds(collection, ids, { revision: 1, deleted: 1 });
  return new Map(docs.map((doc) => [String(doc['_id']), { revision: String(doc['revision']), ...(doc['deleted'] === true ? { deleted: true } : {}) }]));
}

/** The documents with these `_id`s (those stored), one point read each, at most 64 in flight. */
export async function readByIds(collection: Collection<Document>, ids: readonly string[], projection?: Document): Promise<Document[]> {
  const unique = [...new Set(ids)];
  const found: Document[] = [];
  for (let start = 0; start < unique.length; start += 64) {
    const slice = unique.slice(start, start + 64);
    const docs = await Promise.all(slice.map((_id) => collection.findOne(keyed({ _id }), projection ? { projection } : {})));
    for (const doc of docs) if (doc) found.push(doc);
  }
  return found;
}

/** A filter on the string `_id`s records use (the driver's types assume ObjectId ones). */
export function keyed(filter: Document): Filter<Document> {
  return filter;
}

const DUPLICATE_KEY = 11000;

/** The index of the first write that collided, when the failure is a duplicate-key collision; else undefined. */
function firstCollision(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const first = errors[0];
  if (!first || first.code !== DUPLICATE_KEY) return undefined;
  return first.index;
}

/** The number of write errors when every one is a duplicate-key collision; undefined for any other failure. */
function duplicateKeyCollisions(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (errors.length === 0 || errors.some((writeError) => !isDuplicateKeyError(writeError))) return undefined;
  return errors.length;
}

import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';
import { isDuplicateKeyError } from './store-errors.js';

/** A document to store under a record key, if the stored version is older (the guard is in `filter`). */
export interface GuardedReplace {
  tenantId: string;
  connectorId: string;
  externalId: string;
  revision: string;
  /** Matches the stored document only when this write may replace it; a miss makes the upsert collide. */
  filter: Document;
  replacement: Document;
}

export interface GuardedWriteResult {
  /** Documents inserted or replacing an older version. */
  written: number;
  /** Writes whose guard did not match the stored version (redeliveries and stale replays): skipped, not errors. */
  stale: number;
}

/**
 * Runs revision-guarded `replaceOne` upserts in one unordered bulk write. When the guard does not match, the upsert
 * tries to insert and the unique record key rejects it (E11000): that write is stale. No read-before-write and no
 * transaction. `unorderedBulkWrites` is false for a server that stops an unordered bulk write at its first failure
 * (FerretDB v1): the writes are then re-applied one by one and counted from what is stored.
 */
export async function applyGuardedReplaces(
  collection: Collection<Document>,
  writes: readonly GuardedReplace[],
  storedAt: Date,
  unorderedBulkWrites: boolean,
): Promise<GuardedWriteResult> {
  if (writes.length === 0) return { written: 0, stale: 0 };
  const operations = writes.map((write): AnyBulkWriteOperation<Document> => ({ replaceOne: { filter: write.filter, replacement: write.replacement, upsert: true } }));
  try {
    await collection.bulkWrite(operations, { ordered: false });
    return { written: writes.length, stale: 0 };
  } catch (error) {
    const collisions = duplicateKeyCollisions(error);
    if (collisions === undefined) throw error;
    // Every write that did not collide replaced an older version or inserted a new one.
    if (unorderedBulkWrites) return { written: writes.length - collisions, stale: collisions };
  }
  return reapplyOneByOne(collection, writes, operations, storedAt);
}

/**
 * The server stopped at a collision without saying which writes ran: apply each again (guarded, so one already
 * applied collides harmlessly), then count as written those now stored with their revision and this batch's time.
 */
async function reapplyOneByOne(
  collection: Collection<Document>,
  writes: readonly GuardedReplace[],
  operations: Array<AnyBulkWriteOperation<Document>>,
  storedAt: Date,
): Promise<GuardedWriteResult> {
  for (const operation of operations) {
    try {
      await collection.bulkWrite([operation], { ordered: true });
    } catch (error) {
      if (duplicateKeyCollisions(error) === undefined) throw error;
    }
  }
  let written = 0;
  for (const scopeWrites of groupByScope(writes).values()) {
    const { tenantId, connectorId } = scopeWrites[0]!;
    const stored = await collection
      .find({ tenantId, connectorId, externalId: { $in: scopeWrites.map((write) => write.externalId) } }, { projection: { _id: 0, externalId: 1, revision: 1, storedAt: 1 } })
      .toArray();
    const byId = new Map(stored.map((doc) => [String(doc['externalId']), doc]));
    const counted = new Set<string>();
    for (const write of scopeWrites) {
      const doc = byId.get(write.externalId);
      const mine = doc !== undefined && doc['revision'] === write.revision && doc['storedAt'] instanceof Date && doc['storedAt'].getTime() === storedAt.getTime();
      // Two writes of one key in a batch: only the first can have been applied.
      if (mine && !counted.has(write.externalId)) {
        counted.add(write.externalId);
        written++;
      }
    }
  }
  return { written, stale: writes.length - written };
}

/** The number of write errors when every one is a duplicate-key collision; undefined for any other failure. */
function duplicateKeyCollisions(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (errors.length === 0 || errors.some((writeError) => !isDuplicateKeyError(writeError))) return undefined;
  return errors.length;
}

function groupByScope<T extends { tenantId: string; connectorId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = JSON.stringify([item.tenantId, item.connectorId]);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

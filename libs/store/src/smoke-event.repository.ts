import type { TSmokeEvent } from '@jira-sync/contracts';
import type { Collection, Db } from 'mongodb';
import { DuplicateKeyError, isDuplicateKeyError } from './store-errors.js';

export interface StoredSmokeEvent extends TSmokeEvent {
  topic: string;
  partition: number;
  offset: string;
  storedAt: Date;
}

/** Smoke events written by the index app: one document per run id, enforced by a unique index. */
export class SmokeEventRepository {
  static readonly collectionName = 'smoke_events';
  private readonly collection: Collection<StoredSmokeEvent>;

  constructor(db: Db) {
    this.collection = db.collection<StoredSmokeEvent>(SmokeEventRepository.collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ runId: 1 }, { unique: true, name: 'runId_unique' });
  }

  /** Inserts a new event; a second event for the same run id raises DuplicateKeyError. */
  async insert(event: StoredSmokeEvent): Promise<void> {
    try {
      await this.collection.insertOne({ ...event });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DuplicateKeyError(SmokeEventRepository.collectionName, { runId: event.runId });
      throw error;
    }
  }

  async findByRunId(runId: string): Promise<StoredSmokeEvent | null> {
    return this.collection.findOne({ runId }, { projection: { _id: 0 } });
  }
}

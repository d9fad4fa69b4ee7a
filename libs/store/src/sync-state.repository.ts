import type { Collection, Db } from 'mongodb';

/** A connector's sync bookkeeping: the filters a full sync ran with and its generation. */
export interface ConnectorSyncState {
  /** Hash of the sync filters of the last full sync; a different hash means a full resync. */
  filtersHash: string;
  /** The sync generation (a run's start, epoch ms) revisions are built with. */
  generation: number;
  /** ISO 8601 time of the last completed full sync, or null before the first. */
  lastFullSyncAt: string | null;
}

/** How far an incremental sync of one project got: the newest Jira `updated` it has stored. */
export interface ProjectCheckpoint {
  projectId: string;
  lastUpdatedMs: number;
  /**
   * The issues already published (and acknowledged) at their `updated`, for the ones near the checkpoint: the next
   * incremental's overlap returns them again, and these pairs (issue id, updated) let it skip them.
   */
  recent?: Array<{ issueId: string; updatedMs: number }>;
}

interface SyncStateDocument {
  _id: string;
  tenantId: string;
  connectorId: string;
  kind: 'connector' | 'project';
  projectId?: string;
  filtersHash?: string;
  generation?: number;
  lastFullSyncAt?: string | null;
  lastUpdatedMs?: number;
  recent?: Array<{ issueId: string; updatedMs: number }>;
  updatedAt: Date;
}

function connectorKey(tenantId: string, connectorId: string): string {
  return JSON.stringify(['connector', tenantId, connectorId]);
}

function projectKey(tenantId: string, connectorId: string, projectId: string): string {
  return JSON.stringify(['project', tenantId, connectorId, projectId]);
}

/** Collection `sync_state`: one document per connector and one per synced project, keyed by `_id`. */
export class SyncStateRepository {
  static readonly collectionName = 'sync_state';
  private readonly collection: Collection<SyncStateDocument>;

  constructor(db: Db) {
    this.collection = db.collection<SyncStateDocument>(SyncStateRepository.collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ tenantId: 1, connectorId: 1, kind: 1 }, { name: 'connector_kind' });
  }

  async getConnectorState(tenantId: string, connectorId: string): Promise<ConnectorSyncState | null> {
    const doc = await this.collection.findOne({ _id: connectorKey(tenantId, connectorId) });
    if (!doc) return null;
    return { filtersHash: doc.filtersHash ?? '', generation: doc.generation ?? 0, lastFullSyncAt: doc.lastFullSyncAt ?? null };
  }

  async setConnectorState(tenantId: string, connectorId: string, state: ConnectorSyncState): Promise<void> {
    const { filtersHash, generation, lastFullSyncAt } = state;
    await this.collection.updateOne(
      { _id: connectorKey(tenantId, connectorId) },
      { $set: { tenantId, connectorId, kind: 'connector', filtersHash, generation, lastFullSyncAt, updatedAt: new Date() } },
      { upsert: true },
    );
  }

  async getProjectCheckpoint(tenantId: string, connectorId: string, projectId: string): Promise<ProjectCheckpoint | null> {
    const doc = await this.collection.findOne({ _id: projectKey(tenantId, connectorId, projectId) });
    return doc ? { projectId, lastUpdatedMs: doc.lastUpdatedMs ?? 0, recent: doc.recent ?? [] } : null;
  }

  async setProjectCheckpoint(tenantId: string, connectorId: string, checkpoint: ProjectCheckpoint): Promise<void> {
    const { projectId, lastUpdatedMs, recent = [] } = checkpoint;
    await this.collection.updateOne(
      { _id: projectKey(tenantId, connectorId, projectId) },
      { $set: { tenantId, connectorId, kind: 'project', projectId, lastUpdatedMs, recent, updatedAt: new Date() } },
      { upsert: true },
    );
  }

  async listProjectCheckpoints(tenantId: string, connectorId: string): Promise<ProjectCheckpoint[]> {
    const docs = await this.collection.find({ tenantId, connectorId, kind: 'project' }).sort({ projectId: 1 }).toArray();
    return docs.map((doc) => ({ projectId: doc.projectId ?? '', lastUpdatedMs: doc.lastUpdatedMs ?? 0 }));
  }

  /** Forgets every project checkpoint of the connector (a filter change makes the next sync full); returns how many. */
  async clearProjectCheckpoints(tenantId: string, connectorId: string): Promise<number> {
    return (await this.collection.deleteMany({ tenantId, connectorId, kind: 'project' })).deletedCount;
  }
}

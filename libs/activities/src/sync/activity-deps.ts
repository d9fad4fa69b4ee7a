import type { TAttachmentSink, TOpenedConnector } from './sync-context.js';
import type { TEventPublisher } from './publish-in-batches.js';
import type { SyncRunCache } from './site-cache.js';
import type { StoredIdsReader, SyncStateRepository } from '@jira-sync/store';

/** Where connector sync state and per-project checkpoints live (libs/store's SyncStateRepository). */
type TSyncStatePort = Pick<
  SyncStateRepository,
  'getConnectorState' | 'setConnectorState' | 'getProjectCheckpoint' | 'setProjectCheckpoint' | 'listProjectCheckpoints' | 'clearProjectCheckpoints'
>;

/** The stored ids the deletion step compares with Jira's (libs/store's StoredIdsReader). */
export type TStoredRecordsPort = Pick<StoredIdsReader, 'liveIssues' | 'rolesOfProject' | 'project' | 'projectIds' | 'issuesByIds'>;

/** What the sync activities are built from; the worker wires real ones, tests inject their own. */
export interface TActivityDeps {
  /** Loads a connector's configuration and opens a Jira client from its sealed credentials. */
  openConnector(tenantId: string, connectorId: string): Promise<TOpenedConnector>;
  recordPublisher: TEventPublisher;
  /** Attachment bytes go here when attachment indexing is on; absent: metadata only. */
  attachments?: TAttachmentSink;
  now(): Date;
  /** Shares a run's site-wide reads between its activities in this process; absent, every activity reads them itself. */
  runCache?: SyncRunCache;
  /**
   * How many attachment downloads (each streamed into `attachments`) and truncated-comment reads one project step
   * runs at once; absent, 4.
   */
  contentConcurrency?: number;
  /** Checkpoints for incremental syncs; absent, every sync is full and nothing is saved. */
  syncState?: TSyncStatePort;
  /** The store's ids for the deletion step; absent, nothing is reconciled or deleted. */
  storedRecords?: TStoredRecordsPort;
}

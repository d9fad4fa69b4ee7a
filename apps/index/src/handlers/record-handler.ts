import type { TRecordEvent } from '@jira-sync/contracts';
import type { Logger } from '@jira-sync/logging';
import type { AttachmentContentPort, KnownChildrenPort, RecordStorePort } from '../record-store.port.js';

export interface RecordHandlerDeps {
  store: RecordStorePort;
  content: AttachmentContentPort;
  logger: Logger;
  /**
   * The stored issues' child lists read or written while applying one run of upserts, by `issueListKey` (null: no
   * issue stored). The comment, attachment and issue handlers of a chunk share it instead of reading each issue again:
   * on FerretDB every read by `_id` costs a pass over the collection. applyRecordEvents starts a new one per run.
   */
  issueLists?: Map<string, StoredIssueLists | null>;
  /**
   * The issues (by `issueListKey`) with an upsert in this run, which the issue handler applies after the children's
   * handlers: its prune judges every registered child of those issues by the stored version, the children written just
   * before included, so the children's handlers leave those to it instead of reading the issue first.
   */
  issuesPrunedLater?: ReadonlySet<string>;
  /**
   * The issue child registry entries this batch read or registered: an issue's prune after its children's writes
   * needs no read of its entry. Sound because an issue's children are only registered on the issue's partition.
   */
  knownChildren?: KnownChildrenPort;
}

/** What reconciling an issue's children needs of its stored version. */
export interface StoredIssueLists {
  externalId: string;
  revision: string;
  deleted?: boolean;
  commentIds?: string[];
  attachmentIds?: string[];
}

/** The `issueLists` key of one issue. */
export function issueListKey(scope: { tenantId: string; connectorId: string }, issueId: string): string {
  return JSON.stringify([scope.tenantId, scope.connectorId, issueId]);
}

/** Applies a group of events of one CloudEvents type, in the order they were consumed. */
export interface RecordEventHandler<T extends TRecordEvent = TRecordEvent> {
  readonly type: T['type'];
  apply(events: readonly T[], deps: RecordHandlerDeps): Promise<void>;
}

/**
 * The slice of libs/store's RecordStore the index app writes through. The real RecordStore satisfies it
 * structurally; tests may pass another implementation on the real database.
 */
export interface RecordRow {
  tenantId: string;
  connectorId: string;
  externalId: string;
  revision: string;
  indexable: boolean;
  syncRunId: string;
  record: unknown;
}

export interface RecordDeleteKey {
  tenantId: string;
  connectorId: string;
  externalId: string;
  revision: string;
  /** Kept on the tombstone, for tracing which run deleted the record and why. */
  syncRunId?: string;
  reason?: string;
  /** A comment's or attachment's issue, so the issue's later prunes still see the tombstone. */
  issueId?: string;
}

/** Issue child registry entries (comment and attachment ids per issue) one consumed batch has seen, by registry id. */
export type KnownChildrenPort = Map<string, { comments: string[]; attachments: string[] }>;

/** What the writes of one consumed batch share: registrations of children return into it, prunes read from it. */
export interface WriteOptionsPort {
  knownChildren?: KnownChildrenPort;
}

export interface RecordRepositoryPort {
  /** stale = rows ignored because an equal or newer revision is already stored. */
  upsertMany(rows: ReadonlyArray<RecordRow>, options?: WriteOptionsPort): Promise<{ written: number; stale: number }>;
  /**
   * Replaces each record whose stored revision is not newer than the deletion's by a tombstone with the deletion's
   * revision, so an upsert that is not newer stays out; listings and `find` leave tombstones out.
   */
  deleteMany(keys: ReadonlyArray<RecordDeleteKey>, options?: WriteOptionsPort): Promise<unknown>;
  /** Stored live records of a connector matching a filter (record fields beside the key fields); tombstones when asked. */
  find(scope: { tenantId: string; connectorId: string }, filter?: Record<string, unknown>, options?: { includeDeleted?: boolean; fields?: readonly string[] }): Promise<object[]>;
}

export interface PrunePort extends WriteOptionsPort {
  /** Called with the stored attachments (their `content` included) about to become tombstones, before they do. */
  beforeAttachmentTombstones?: (attachments: readonly object[]) => Promise<void>;
}

export interface IssueRepositoryPort extends RecordRepositoryPort {
  /**
   * For each issue, turns its stored comments and attachments not in the keep lists and older than the plan's
   * revision into tombstones; reads the children by id, never by scanning a child collection.
   */
  pruneChildrenMany(
    tenantId: string,
    connectorId: string,
    plans: ReadonlyArray<{ issueId: string; keepCommentIds: readonly string[]; keepAttachmentIds: readonly string[]; revision: string }>,
    options?: PrunePort,
  ): Promise<unknown>;
}

export interface RecordStorePort {
  users: RecordRepositoryPort;
  groups: RecordRepositoryPort;
  roles: RecordRepositoryPort;
  projects: RecordRepositoryPort;
  issues: IssueRepositoryPort;
  comments: RecordRepositoryPort;
  attachments: RecordRepositoryPort;
}

export interface AttachmentContentPort {
  /** Removes stored bytes; must succeed for an id already removed (redeliveries repeat it). */
  delete(gridFsId: string): Promise<unknown>;
}

/** The GridFS ids of stored attachment documents whose bytes are in GridFS. */
export function storedContentIds(attachments: readonly object[]): string[] {
  return attachments.flatMap((attachment) => {
    const content = (attachment as { content?: { state?: unknown; gridFsId?: unknown } }).content;
    return content?.state === 'stored' && typeof content.gridFsId === 'string' ? [content.gridFsId] : [];
  });
}

/**
 * Deletes the bytes of the issue's attachments that a prune at `revision` will remove (not kept, older), before the
 * prune: if the prune then fails, the redelivery finds the same attachments again, so no content is orphaned.
 */
export async function releaseAttachmentContent(
  store: RecordStorePort,
  content: AttachmentContentPort,
  scope: { tenantId: string; connectorId: string },
  filter: Record<string, unknown>,
): Promise<void> {
  for (const gridFsId of storedContentIds(await store.attachments.find(scope, filter))) await content.delete(gridFsId);
}

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
}

export interface RecordRepositoryPort {
  /** stale = rows ignored because an equal or newer revision is already stored. */
  upsertMany(rows: RecordRow[]): Promise<{ written: number; stale: number }>;
  /** Attachments report the GridFS ids of content that no record refers to any more. */
  deleteMany(keys: RecordDeleteKey[]): Promise<{ gridFsIds?: string[] } | object | void>;
}

export interface IssueRepositoryPort extends RecordRepositoryPort {
  /** Removes the issue's stored comments and attachments not listed (no-op for a stale revision). */
  pruneChildren(
    tenantId: string,
    connectorId: string,
    issueId: string,
    keepCommentIds: string[],
    keepAttachmentIds: string[],
    revision: string,
  ): Promise<{ gridFsIds?: string[] } | object | void>;
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
  delete(gridFsId: string): Promise<void>;
}

/** GridFS ids a store call reports as no longer referenced. */
export function releasedGridFsIds(result: unknown): string[] {
  if (typeof result !== 'object' || result === null) return [];
  const ids = (result as { gridFsIds?: unknown }).gridFsIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

import type { TAttachmentRecord, TCommentRecord, TIssueRecord, TRevision } from '@jira-sync/contracts';
import type { Db } from 'mongodb';
import { RecordRepository } from './record.repository.js';

/** Issues, plus the one write that spans collections: dropping the comments and attachments an issue no longer has. */
export class IssueRepository extends RecordRepository<TIssueRecord> {
  constructor(
    db: Db,
    private readonly comments: RecordRepository<TCommentRecord>,
    private readonly attachments: RecordRepository<TAttachmentRecord>,
    unorderedBulkWrites = false,
  ) {
    super(db, 'issues', { aclIndex: true, unorderedBulkWrites });
  }

  /**
   * Deletes the issue's stored comments and attachments that are not in the keep lists and are older than
   * `revision` (the issue version that listed them), so a child written by a newer sync survives a stale issue.
   */
  async pruneChildren(
    tenantId: string,
    connectorId: string,
    issueId: string,
    keepCommentIds: readonly string[],
    keepAttachmentIds: readonly string[],
    revision: TRevision,
  ): Promise<{ comments: number; attachments: number }> {
    const older = { $lt: revision };
    const [comments, attachments] = await Promise.all([
      this.comments.collection.deleteMany({ tenantId, connectorId, issueId, externalId: { $nin: [...keepCommentIds] }, revision: older }),
      this.attachments.collection.deleteMany({ tenantId, connectorId, issueId, externalId: { $nin: [...keepAttachmentIds] }, revision: older }),
    ]);
    return { comments: comments.deletedCount, attachments: attachments.deletedCount };
  }
}

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
   * Replaces by tombstones at `revision` (the issue version that listed them) the issue's stored comments and
   * attachments that are not in the keep lists and are older than `revision`: a child written by a newer sync
   * survives a stale issue, and a replayed older event of a pruned child does not bring it back. An older tombstone
   * is moved up to `revision` too, so the store ends the same whichever issue version pruned first.
   */
  async pruneChildren(
    tenantId: string,
    connectorId: string,
    issueId: string,
    keepCommentIds: readonly string[],
    keepAttachmentIds: readonly string[],
    revision: TRevision,
  ): Promise<{ comments: number; attachments: number }> {
    const [comments, attachments] = await Promise.all([
      pruneOf(this.comments, { tenantId, connectorId, issueId }, keepCommentIds, revision),
      pruneOf(this.attachments, { tenantId, connectorId, issueId }, keepAttachmentIds, revision),
    ]);
    return { comments, attachments };
  }
}

async function pruneOf(
  children: Pick<RecordRepository<object>, 'raw' | 'deleteMany'>,
  owner: { tenantId: string; connectorId: string; issueId: string },
  keep: readonly string[],
  revision: TRevision,
): Promise<number> {
  const { tenantId, connectorId, issueId } = owner;
  const doomed = await children.raw
    .find({ tenantId, connectorId, issueId, externalId: { $nin: [...keep] }, revision: { $lt: revision } }, { projection: { _id: 0, externalId: 1 } })
    .toArray();
  const reason = `no longer listed by issue ${issueId}`;
  return children.deleteMany(doomed.map((doc) => ({ tenantId, connectorId, externalId: String(doc['externalId']), revision, reason, issueId })));
}

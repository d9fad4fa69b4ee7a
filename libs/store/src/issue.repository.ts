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
    super(db, 'issues', { aclIndex: true, projectIndex: true, unorderedBulkWrites });
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
    return this.pruneChildrenMany(tenantId, connectorId, [{ issueId, keepCommentIds, keepAttachmentIds, revision }]);
  }

  /**
   * `pruneChildren` for many issues of one connector in one read and one write per child collection: the index app
   * reconciles a whole chunk of events at once, and a query per issue would scan the collection per issue on a
   * server without the `issue` index in use (FerretDB).
   */
  async pruneChildrenMany(tenantId: string, connectorId: string, plans: ReadonlyArray<TPrunePlan>): Promise<{ comments: number; attachments: number }> {
    if (plans.length === 0) return { comments: 0, attachments: 0 };
    const [comments, attachments] = await Promise.all([
      pruneOf(this.comments, { tenantId, connectorId }, plans.map((plan) => ({ issueId: plan.issueId, keep: plan.keepCommentIds, revision: plan.revision }))),
      pruneOf(this.attachments, { tenantId, connectorId }, plans.map((plan) => ({ issueId: plan.issueId, keep: plan.keepAttachmentIds, revision: plan.revision }))),
    ]);
    return { comments, attachments };
  }
}

/** One issue's stored version: the children it lists are kept, the others older than its revision become tombstones. */
export interface TPrunePlan {
  issueId: string;
  keepCommentIds: readonly string[];
  keepAttachmentIds: readonly string[];
  revision: TRevision;
}

async function pruneOf(
  children: Pick<RecordRepository<object>, 'raw' | 'deleteMany'>,
  scope: { tenantId: string; connectorId: string },
  plans: ReadonlyArray<{ issueId: string; keep: readonly string[]; revision: TRevision }>,
): Promise<number> {
  const { tenantId, connectorId } = scope;
  const byIssue = new Map(plans.map((plan) => [plan.issueId, { keep: new Set(plan.keep), revision: plan.revision }]));
  // Tombstones included: an older one is moved up to the pruning revision, so every prune order ends the same.
  const stored = await children.raw
    .find({ tenantId, connectorId, issueId: { $in: [...byIssue.keys()] } }, { projection: { _id: 0, externalId: 1, issueId: 1, revision: 1 } })
    .toArray();
  const deletions = stored.flatMap((doc) => {
    const issueId = String(doc['issueId']);
    const plan = byIssue.get(issueId);
    const externalId = String(doc['externalId']);
    if (!plan || plan.keep.has(externalId) || !(String(doc['revision']) < plan.revision)) return [];
    return [{ tenantId, connectorId, externalId, revision: plan.revision, reason: `no longer listed by issue ${issueId}`, issueId }];
  });
  return children.deleteMany(deletions);
}

import type { TAttachmentRecord, TCommentRecord, TIssueRecord, TRevision } from '@jira-sync/contracts';
import type { Db, Document } from 'mongodb';
import type { ChildKind, IssueChildRegistry, KnownChildren, RegisteredChildren } from './issue-children.registry.js';
import { RecordRepository, type RecordDeletion } from './record.repository.js';

/** What a prune may need to do before its tombstones replace stored attachments (release their GridFS bytes). */
export interface PruneOptions {
  /**
   * Called with the stored attachment documents (their `content` included) about to become tombstones, before they
   * do: if the prune then fails, the redelivery finds the same attachments again, so no content is orphaned.
   */
  beforeAttachmentTombstones?: (attachments: readonly Document[]) => Promise<void>;
  /** Registry entries already known to this unit of work (see KnownChildren): not read again. */
  knownChildren?: KnownChildren;
}

/** Issues, plus the one write that spans collections: dropping the comments and attachments an issue no longer has. */
export class IssueRepository extends RecordRepository<TIssueRecord> {
  constructor(
    db: Db,
    private readonly comments: RecordRepository<TCommentRecord>,
    private readonly attachments: RecordRepository<TAttachmentRecord>,
    private readonly registry: IssueChildRegistry,
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
    options: PruneOptions = {},
  ): Promise<{ comments: number; attachments: number }> {
    return this.pruneChildrenMany(tenantId, connectorId, [{ issueId, keepCommentIds, keepAttachmentIds, revision }], options);
  }

  /**
   * `pruneChildren` for many issues of one connector: their children's ids from the registry, then the candidates by
   * `_id` and one tombstone write per child collection. No query filters a child collection by `issueId`, which would
   * scan it on FerretDB v1 for every chunk the index app applies.
   */
  async pruneChildrenMany(
    tenantId: string,
    connectorId: string,
    plans: ReadonlyArray<TPrunePlan>,
    options: PruneOptions = {},
  ): Promise<{ comments: number; attachments: number }> {
    if (plans.length === 0) return { comments: 0, attachments: 0 };
    const scope = { tenantId, connectorId };
    const known = options.knownChildren;
    const registered = await this.registry.childrenOf(tenantId, connectorId, plans.map((plan) => plan.issueId), known);
    const [comments, attachments] = await Promise.all([
      pruneOf(this.comments, 'comments', scope, registered, plans.map((plan) => ({ issueId: plan.issueId, keep: plan.keepCommentIds, revision: plan.revision })), known),
      pruneOf(this.attachments, 'attachments', scope, registered, plans.map((plan) => ({ issueId: plan.issueId, keep: plan.keepAttachmentIds, revision: plan.revision })), known, options.beforeAttachmentTombstones),
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

/** What a prune reads of a candidate child: enough to decide, and the attachment's content to release. */
const CANDIDATE_FIELDS = ['externalId', 'issueId', 'revision', 'deleted', 'content'];

async function pruneOf(
  children: Pick<RecordRepository<object>, 'find' | 'deleteMany'>,
  kind: ChildKind,
  scope: { tenantId: string; connectorId: string },
  registered: ReadonlyMap<string, RegisteredChildren>,
  plans: ReadonlyArray<{ issueId: string; keep: readonly string[]; revision: TRevision }>,
  known: KnownChildren | undefined,
  beforeTombstones?: (doomed: readonly Document[]) => Promise<void>,
): Promise<number> {
  const byIssue = new Map(plans.map((plan) => [plan.issueId, { keep: new Set(plan.keep), revision: plan.revision }]));
  const candidates = [...byIssue].flatMap(([issueId, plan]) => (registered.get(issueId)?.[kind] ?? []).filter((id) => !plan.keep.has(id)));
  if (candidates.length === 0) return 0;
  // Tombstones included: an older one is moved up to the pruning revision, so every prune order ends the same.
  const stored = (await children.find(scope, { externalId: { $in: candidates } }, { includeDeleted: true, fields: CANDIDATE_FIELDS })) as Document[];
  const doomed = stored.filter((doc) => {
    const plan = byIssue.get(String(doc['issueId']));
    return plan !== undefined && !plan.keep.has(String(doc['externalId'])) && String(doc['revision']) < plan.revision;
  });
  if (doomed.length === 0) return 0;
  await beforeTombstones?.(doomed.filter((doc) => doc['deleted'] !== true));
  const deletions = doomed.map((doc): RecordDeletion => {
    const issueId = String(doc['issueId']);
    return { ...scope, externalId: String(doc['externalId']), revision: byIssue.get(issueId)!.revision, reason: `no longer listed by issue ${issueId}`, issueId };
  });
  return children.deleteMany(deletions, known ? { knownChildren: known } : {});
}

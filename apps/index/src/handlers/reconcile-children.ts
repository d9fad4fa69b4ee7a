import { storedContentIds, type AttachmentContentPort, type RecordStorePort } from '../record-store.port.js';
import { issueListKey, type RecordHandlerDeps, type StoredIssueLists } from './record-handler.js';

/** What reconciling reads and writes through: the store, the content store and what the batch already knows. */
export type ReconcileDeps = Pick<RecordHandlerDeps, 'store' | 'content' | 'issueLists' | 'issuesPrunedLater' | 'knownChildren'>;

const ISSUE_LIST_FIELDS = ['externalId', 'revision', 'deleted', 'commentIds', 'attachmentIds'];

/**
 * The stored lists of these issues: from `cache` where it has them, the rest read by id (and remembered there, an
 * issue not stored as null).
 */
export async function storedIssueLists(
  store: RecordStorePort,
  scope: { tenantId: string; connectorId: string },
  issueIds: readonly string[],
  cache?: Map<string, StoredIssueLists | null>,
): Promise<StoredIssueLists[]> {
  const missing = cache ? issueIds.filter((issueId) => !cache.has(issueListKey(scope, issueId))) : [...issueIds];
  const read = missing.length === 0 ? [] : ((await store.issues.find(scope, { externalId: { $in: missing } }, { includeDeleted: true, fields: ISSUE_LIST_FIELDS })) as StoredIssueLists[]);
  if (!cache) return read;
  for (const issueId of missing) cache.set(issueListKey(scope, issueId), null);
  for (const issue of read) cache.set(issueListKey(scope, issue.externalId), issue);
  return issueIds.flatMap((issueId) => {
    const issue = cache.get(issueListKey(scope, issueId));
    return issue ? [issue] : [];
  });
}

/**
 * Brings the stored children of these issues in line with each issue's STORED version (its tombstone included): every
 * comment and attachment older than that version and not listed by it becomes a tombstone, with its content. Run after
 * issue writes and after child writes alike, so the outcome does not depend on whether an issue or its older children
 * arrived first (a replay out of order ends with the store an in-order delivery leaves).
 */
export async function reconcileChildren(deps: ReconcileDeps, scope: { tenantId: string; connectorId: string }, issueIds: readonly string[]): Promise<number> {
  const { store, content, knownChildren } = deps;
  if (issueIds.length === 0) return 0;
  const issues = await storedIssueLists(store, scope, issueIds, deps.issueLists);
  if (issues.length === 0) return 0;
  // A deleted issue keeps none of its children.
  const plans = issues.map((issue) => ({
    issueId: issue.externalId,
    keepCommentIds: issue.deleted ? [] : (issue.commentIds ?? []),
    keepAttachmentIds: issue.deleted ? [] : (issue.attachmentIds ?? []),
    revision: issue.revision,
  }));
  // The whole chunk at once, not per issue. Bytes go first: if the prune then fails, the redelivery finds the same
  // attachments again, so no content is orphaned.
  await store.issues.pruneChildrenMany(scope.tenantId, scope.connectorId, plans, { beforeAttachmentTombstones: (doomed) => releaseContent(content, doomed), ...(knownChildren ? { knownChildren } : {}) });
  return issues.length;
}

/**
 * `reconcileChildren` after child writes, for the written children only: the issue's other children were already in
 * line with its stored version (each write reconciles what it touched), so only these can have become orphans. Reads
 * the issues and these children by id (no scan of the child collections), and turns each child older than its stored
 * issue and not listed by it (every child of a tombstone) into a tombstone at the issue's revision, with its content.
 * Children of the issues in `prunedLater` are skipped: their issue's prune, which follows, judges them the same way.
 */
export async function reconcileWrittenChildren(
  deps: ReconcileDeps,
  kind: 'comments' | 'attachments',
  scope: { tenantId: string; connectorId: string },
  written: ReadonlyArray<{ externalId: string; issueId: string }>,
): Promise<number> {
  const { store, content, issuesPrunedLater: prunedLater, knownChildren } = deps;
  const children = prunedLater ? written.filter((child) => !prunedLater.has(issueListKey(scope, child.issueId))) : written;
  if (children.length === 0) return 0;
  const issueIds = [...new Set(children.map((child) => child.issueId))];
  const issues = await storedIssueLists(store, scope, issueIds, deps.issueLists);
  const issueById = new Map(issues.map((issue) => [issue.externalId, issue]));
  const listedBy = (issue: StoredIssueLists) => (issue.deleted ? [] : ((kind === 'comments' ? issue.commentIds : issue.attachmentIds) ?? []));
  const unlisted = children.filter((child) => {
    const issue = issueById.get(child.issueId);
    return issue !== undefined && !listedBy(issue).includes(child.externalId);
  });
  if (unlisted.length === 0) return 0;
  const repository = store[kind];
  const stored = (await repository.find(scope, { externalId: { $in: unlisted.map((child) => child.externalId) } }, { includeDeleted: true, fields: ['externalId', 'issueId', 'revision', 'content'] })) as StoredChild[];
  const doomed = stored.filter((child) => {
    const issue = issueById.get(child.issueId);
    return issue !== undefined && !listedBy(issue).includes(child.externalId) && child.revision < issue.revision;
  });
  if (doomed.length === 0) return 0;
  if (kind === 'attachments') await releaseContent(content, doomed);
  await repository.deleteMany(
    doomed.map((child) => ({ ...scope, externalId: child.externalId, revision: issueById.get(child.issueId)!.revision, reason: `no longer listed by issue ${child.issueId}`, issueId: child.issueId })),
    knownChildren ? { knownChildren } : {},
  );
  return doomed.length;
}

/** Removes the stored bytes of these attachment documents. */
export async function releaseContent(content: AttachmentContentPort, attachments: readonly object[]): Promise<void> {
  for (const gridFsId of storedContentIds(attachments)) await content.delete(gridFsId);
}

interface StoredChild {
  externalId: string;
  issueId: string;
  revision: string;
}

/** The events' issue ids, grouped by tenant and connector. */
export function issueIdsByScope(
  entries: ReadonlyArray<{ tenantId: string; connectorId: string; issueId: string }>,
): Array<{ scope: { tenantId: string; connectorId: string }; issueIds: string[] }> {
  const groups = new Map<string, { scope: { tenantId: string; connectorId: string }; ids: Set<string> }>();
  for (const { tenantId, connectorId, issueId } of entries) {
    const key = JSON.stringify([tenantId, connectorId]);
    const group = groups.get(key) ?? { scope: { tenantId, connectorId }, ids: new Set<string>() };
    group.ids.add(issueId);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ scope: group.scope, issueIds: [...group.ids] }));
}

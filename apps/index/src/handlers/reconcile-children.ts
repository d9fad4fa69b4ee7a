import { releaseAttachmentContent, type AttachmentContentPort, type RecordStorePort } from '../record-store.port.js';

const ISSUE_LIST_FIELDS = ['externalId', 'revision', 'deleted', 'commentIds', 'attachmentIds'];

interface StoredIssueLists {
  externalId: string;
  revision: string;
  deleted?: boolean;
  commentIds?: string[];
  attachmentIds?: string[];
}

/**
 * Brings the stored children of these issues in line with each issue's STORED version (its tombstone included): every
 * comment and attachment older than that version and not listed by it becomes a tombstone, with its content. Run after
 * issue writes and after child writes alike, so the outcome does not depend on whether an issue or its older children
 * arrived first (a replay out of order ends with the store an in-order delivery leaves).
 */
export async function reconcileChildren(
  store: RecordStorePort,
  content: AttachmentContentPort,
  scope: { tenantId: string; connectorId: string },
  issueIds: readonly string[],
): Promise<number> {
  if (issueIds.length === 0) return 0;
  const issues = (await store.issues.find(scope, { externalId: { $in: [...issueIds] } }, { includeDeleted: true, fields: ISSUE_LIST_FIELDS })) as StoredIssueLists[];
  for (const issue of issues) {
    // A deleted issue keeps none of its children.
    const keepComments = issue.deleted ? [] : (issue.commentIds ?? []);
    const keepAttachments = issue.deleted ? [] : (issue.attachmentIds ?? []);
    await releaseAttachmentContent(store, content, scope, { issueId: issue.externalId, externalId: { $nin: keepAttachments }, revision: { $lt: issue.revision } });
    await store.issues.pruneChildren(scope.tenantId, scope.connectorId, issue.externalId, keepComments, keepAttachments, issue.revision);
  }
  return issues.length;
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

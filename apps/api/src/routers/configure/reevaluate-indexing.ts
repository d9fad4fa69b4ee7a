import type { TIndexingFilters } from '@jira-sync/contracts';
import { NOT_DELETED, type ConnectorScope, type RecordStore } from '@jira-sync/store';

export interface TIndexingReevaluation {
  /** Whether the indexing filters differ from the saved ones. */
  changed: boolean;
  /** Stored records whose `indexable` mark this save flipped, by kind; Jira is not called for it. */
  remarked: { issues: number; comments: number; attachments: number };
}

function sameFilters(a: TIndexingFilters, b: TIndexingFilters): boolean {
  return a.issues === b.issues && a.attachments === b.attachments;
}

/**
 * Sets the `indexable` mark of the connector's stored records from the new indexing filters: issues and their
 * comments follow `issues`, attachments follow `attachments`. A store update only: a sync would not do it, because
 * a record Jira did not change keeps its revision and its stored version (and mark) stays.
 */
export async function reevaluateIndexing(records: RecordStore, scope: ConnectorScope, before: TIndexingFilters, after: TIndexingFilters): Promise<TIndexingReevaluation> {
  if (sameFilters(before, after)) return { changed: false, remarked: { issues: 0, comments: 0, attachments: 0 } };
  const remark = async (collection: RecordStore['issues']['raw'], indexable: boolean) =>
    (await collection.updateMany({ ...scope, ...NOT_DELETED, indexable: { $ne: indexable } }, { $set: { indexable } })).modifiedCount;
  const [issues, comments, attachments] = await Promise.all([
    remark(records.issues.raw, after.issues),
    remark(records.comments.raw, after.issues),
    remark(records.attachments.raw, after.attachments),
  ]);
  return { changed: true, remarked: { issues, comments, attachments } };
}

import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import { issueListKey, type RecordEventHandler } from './record-handler.js';
import { issueIdsByScope, reconcileChildren } from './reconcile-children.js';
import { newestPerRecord, rowOf, upsertRows } from './upsert-rows.js';

/**
 * Issue records: one bulk upsert, then each issue's comments and attachments that its stored (newest) version no
 * longer lists become tombstones, with their stored content. A stale event thus prunes by the newer stored version.
 */
export const issueHandler: RecordEventHandler<TRecordEventOf<'issue'>> = {
  type: RECORD_EVENT_TYPES.issue,
  async apply(events, deps) {
    const { store, logger, issueLists } = deps;
    const rows = newestPerRecord(events.map(rowOf));
    const result = await upsertRows(store.issues, rows);
    // Every row written: the stored versions are these rows, so their lists need no read. Otherwise the rows that
    // were stale are stored in a newer version, read again.
    for (const row of rows) {
      const key = issueListKey(row, row.externalId);
      if (result.stale === 0) issueLists?.set(key, { externalId: row.externalId, revision: row.revision, ...listsOf(row.record) });
      else issueLists?.delete(key);
    }
    let reconciled = 0;
    for (const { scope, issueIds } of issueIdsByScope(events.map((event) => ({ ...event.data, issueId: event.subject })))) {
      reconciled += await reconcileChildren(deps, scope, issueIds);
    }
    logger.debug({ kind: 'issue', ...result, reconciled }, 'records upserted');
  },
};

function listsOf(record: unknown): { commentIds: string[]; attachmentIds: string[] } {
  const { commentIds, attachmentIds } = record as { commentIds?: string[]; attachmentIds?: string[] };
  return { commentIds: commentIds ?? [], attachmentIds: attachmentIds ?? [] };
}

import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { issueIdsByScope, reconcileChildren } from './reconcile-children.js';
import { upsertEvents } from './upsert-rows.js';

/**
 * Issue records: one bulk upsert, then each issue's comments and attachments that its stored (newest) version no
 * longer lists become tombstones, with their stored content. A stale event thus prunes by the newer stored version.
 */
export const issueHandler: RecordEventHandler<TRecordEventOf<'issue'>> = {
  type: RECORD_EVENT_TYPES.issue,
  async apply(events, { store, content, logger }) {
    const result = await upsertEvents(store.issues, events);
    let reconciled = 0;
    for (const { scope, issueIds } of issueIdsByScope(events.map((event) => ({ ...event.data, issueId: event.subject })))) {
      reconciled += await reconcileChildren(store, content, scope, issueIds);
    }
    logger.debug({ kind: 'issue', ...result, reconciled }, 'records upserted');
  },
};

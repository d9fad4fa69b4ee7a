import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { reconcileWrittenChildren } from './reconcile-children.js';
import { childrenByScope, upsertEvents } from './upsert-rows.js';

/**
 * Comment records: one bulk upsert, stale revisions ignored; then a comment that a newer stored version of its issue
 * (or the tombstone) no longer lists becomes a tombstone, as if it had arrived before that issue version.
 */
export const commentHandler: RecordEventHandler<TRecordEventOf<'comment'>> = {
  type: RECORD_EVENT_TYPES.comment,
  async apply(events, deps) {
    const { store, logger, knownChildren } = deps;
    const result = await upsertEvents(store.comments, events, knownChildren ? { knownChildren } : {});
    for (const { scope, children } of childrenByScope(events)) await reconcileWrittenChildren(deps, 'comments', scope, children);
    logger.debug({ kind: 'comment', ...result }, 'records upserted');
  },
};

import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { reconcileWrittenChildren } from './reconcile-children.js';
import { childrenByScope, upsertEvents } from './upsert-rows.js';

/**
 * Attachment records: one bulk upsert, stale revisions ignored; then an attachment that a newer stored version of its
 * issue (or the tombstone) no longer lists becomes a tombstone and its content is released.
 */
export const attachmentHandler: RecordEventHandler<TRecordEventOf<'attachment'>> = {
  type: RECORD_EVENT_TYPES.attachment,
  async apply(events, deps) {
    const { store, logger, knownChildren } = deps;
    const result = await upsertEvents(store.attachments, events, knownChildren ? { knownChildren } : {});
    for (const { scope, children } of childrenByScope(events)) await reconcileWrittenChildren(deps, 'attachments', scope, children);
    logger.debug({ kind: 'attachment', ...result }, 'records upserted');
  },
};

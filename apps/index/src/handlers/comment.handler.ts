import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/** Comment records: one bulk upsert, stale revisions ignored. */
export const commentHandler: RecordEventHandler<TRecordEventOf<'comment'>> = {
  type: RECORD_EVENT_TYPES.comment,
  async apply(events, { store, logger }) {
    const result = await upsertEvents(store.comments, events);
    logger.debug({ kind: 'comment', ...result }, 'records upserted');
  },
};

import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/** User records: one bulk upsert, stale revisions ignored. */
export const userHandler: RecordEventHandler<TRecordEventOf<'user'>> = {
  type: RECORD_EVENT_TYPES.user,
  async apply(events, { store, logger }) {
    const result = await upsertEvents(store.users, events);
    logger.debug({ kind: 'user', ...result }, 'records upserted');
  },
};

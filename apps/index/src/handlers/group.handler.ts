import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/** Group records: one bulk upsert, stale revisions ignored. */
export const groupHandler: RecordEventHandler<TRecordEventOf<'group'>> = {
  type: RECORD_EVENT_TYPES.group,
  async apply(events, { store, logger }) {
    const result = await upsertEvents(store.groups, events);
    logger.debug({ kind: 'group', ...result }, 'records upserted');
  },
};

import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/** Role records: one bulk upsert, stale revisions ignored. */
export const roleHandler: RecordEventHandler<TRecordEventOf<'role'>> = {
  type: RECORD_EVENT_TYPES.role,
  async apply(events, { store, logger }) {
    const result = await upsertEvents(store.roles, events);
    logger.debug({ kind: 'role', ...result }, 'records upserted');
  },
};

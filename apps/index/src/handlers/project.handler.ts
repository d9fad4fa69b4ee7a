import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/** Project records: one bulk upsert, stale revisions ignored. */
export const projectHandler: RecordEventHandler<TRecordEventOf<'project'>> = {
  type: RECORD_EVENT_TYPES.project,
  async apply(events, { store, logger }) {
    const result = await upsertEvents(store.projects, events);
    logger.debug({ kind: 'project', ...result }, 'records upserted');
  },
};

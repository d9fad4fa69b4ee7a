import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/** Attachment records: one bulk upsert, stale revisions ignored. */
export const attachmentHandler: RecordEventHandler<TRecordEventOf<'attachment'>> = {
  type: RECORD_EVENT_TYPES.attachment,
  async apply(events, { store, logger }) {
    const result = await upsertEvents(store.attachments, events);
    logger.debug({ kind: 'attachment', ...result }, 'records upserted');
  },
};

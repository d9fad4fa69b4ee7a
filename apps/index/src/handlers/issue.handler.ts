import { RECORD_EVENT_TYPES, type TRecordEventOf } from '@jira-sync/contracts';
import { releaseAttachmentContent } from '../record-store.port.js';
import type { RecordEventHandler } from './record-handler.js';
import { upsertEvents } from './upsert-rows.js';

/**
 * Issue records: one bulk upsert, then each issue's comments and attachments that its newest event no longer lists
 * are pruned (the store skips the prune of a stale revision), with their stored content.
 */
export const issueHandler: RecordEventHandler<TRecordEventOf<'issue'>> = {
  type: RECORD_EVENT_TYPES.issue,
  async apply(events, { store, content, logger }) {
    const result = await upsertEvents(store.issues, events);
    const newest = new Map<string, TRecordEventOf<'issue'>>();
    for (const event of events) {
      const key = JSON.stringify([event.data.tenantId, event.data.connectorId, event.subject]);
      const seen = newest.get(key);
      if (!seen || event.data.revision > seen.data.revision) newest.set(key, event);
    }
    for (const event of newest.values()) {
      const { tenantId, connectorId, revision, record } = event.data;
      const scope = { tenantId, connectorId };
      await releaseAttachmentContent(store, content, scope, { issueId: event.subject, externalId: { $nin: record.attachmentIds }, revision: { $lt: revision } });
      await store.issues.pruneChildren(tenantId, connectorId, event.subject, record.commentIds, record.attachmentIds, revision);
    }
    logger.debug({ kind: 'issue', ...result, pruned: newest.size }, 'records upserted');
  },
};

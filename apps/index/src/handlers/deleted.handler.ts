import { RECORD_EVENT_TYPES, type TRecordEventOf, type TRecordKind } from '@jira-sync/contracts';
import { releaseAttachmentContent, type RecordDeleteKey, type RecordRepositoryPort, type RecordStorePort } from '../record-store.port.js';
import type { RecordEventHandler } from './record-handler.js';

const REPOSITORY_OF: ReadonlyMap<TRecordKind, (store: RecordStorePort) => RecordRepositoryPort> = new Map<TRecordKind, (store: RecordStorePort) => RecordRepositoryPort>([
  ['user', (store) => store.users],
  ['group', (store) => store.groups],
  ['role', (store) => store.roles],
  ['project', (store) => store.projects],
  ['issue', (store) => store.issues],
  ['comment', (store) => store.comments],
  ['attachment', (store) => store.attachments],
]);

/**
 * Deletions: the record leaves the store; an issue takes its comments, attachments and their GridFS content with it
 * (pruning every child first, so a crash between the two writes is repaired by the redelivery).
 */
export const deletedHandler: RecordEventHandler<TRecordEventOf<'deleted'>> = {
  type: RECORD_EVENT_TYPES.deleted,
  async apply(events, { store, content, logger }) {
    // Content first: a crash after it leaves the record, so the redelivery finds the content id again.
    const byKind = new Map<TRecordKind, RecordDeleteKey[]>();
    for (const event of events) {
      const { kind, tenantId, connectorId, externalId, revision } = event.data;
      const scope = { tenantId, connectorId };
      if (kind === 'issue') {
        await releaseAttachmentContent(store, content, scope, { issueId: externalId, revision: { $lt: revision } });
        await store.issues.pruneChildren(tenantId, connectorId, externalId, [], [], revision);
      }
      if (kind === 'attachment') await releaseAttachmentContent(store, content, scope, { externalId, revision: { $lte: revision } });
      const keys = byKind.get(kind) ?? [];
      keys.push({ tenantId, connectorId, externalId, revision });
      byKind.set(kind, keys);
    }
    for (const [kind, keys] of byKind) {
      const repository = REPOSITORY_OF.get(kind);
      if (!repository) continue;
      await repository(store).deleteMany(keys);
      logger.debug({ kind, deleted: keys.length }, 'records deleted');
    }
  },
};

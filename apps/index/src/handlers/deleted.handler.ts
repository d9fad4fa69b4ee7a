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
 * Deletions: the record becomes a tombstone with the deletion's revision (libs/store keeps it until purged, so an older
 * replayed upsert cannot bring the record back); an issue takes its comments, attachments and their GridFS content
 * with it (pruning every child into a tombstone first, so a crash between the two writes is repaired by the
 * redelivery).
 */
export const deletedHandler: RecordEventHandler<TRecordEventOf<'deleted'>> = {
  type: RECORD_EVENT_TYPES.deleted,
  async apply(events, { store, content, logger }) {
    // Content first: a crash after it leaves the record, so the redelivery finds the content id again.
    const byKind = new Map<TRecordKind, RecordDeleteKey[]>();
    for (const event of events) {
      const { kind, tenantId, connectorId, externalId, revision, syncRunId, reason } = event.data;
      const scope = { tenantId, connectorId };
      if (kind === 'issue') {
        await releaseAttachmentContent(store, content, scope, { issueId: externalId, revision: { $lt: revision } });
        await store.issues.pruneChildren(tenantId, connectorId, externalId, [], [], revision);
      }
      if (kind === 'attachment') await releaseAttachmentContent(store, content, scope, { externalId, revision: { $lte: revision } });
      const keys = byKind.get(kind) ?? [];
      keys.push({ tenantId, connectorId, externalId, revision, syncRunId, reason });
      byKind.set(kind, keys);
    }
    for (const [kind, keys] of byKind) {
      const repository = REPOSITORY_OF.get(kind);
      if (!repository) continue;
      if (kind === 'comment' || kind === 'attachment') await addIssueIds(repository(store), keys);
      await repository(store).deleteMany(keys);
      logger.debug({ kind, deleted: keys.length }, 'records deleted');
    }
  },
};

/** A child's tombstone keeps its issue id (read from the stored record), so the issue's later prunes still see it. */
async function addIssueIds(repository: RecordRepositoryPort, keys: RecordDeleteKey[]): Promise<void> {
  for (const key of keys) {
    const [stored] = (await repository.find(key, { externalId: key.externalId }, { includeDeleted: true })) as Array<{ issueId?: unknown }>;
    if (typeof stored?.issueId === 'string') key.issueId = stored.issueId;
  }
}

import { AttachmentContentStore, SyncStateRepository } from '@jira-sync/store';
import { GridFSBucket } from 'mongodb';
import { tenantProcedure } from '../../procedures.js';
import { ZConnectorRefSchema } from '../../schemas.js';
import { terminateIfRunning } from '../sync/sync-runs.js';
import { deleteSchedule } from '../sync/sync-schedule.js';
import { requireConnector } from './connector-view.js';

/**
 * Deletes a connector and everything of it: its schedule goes and a running sync is terminated first, then the connector (so no activity
 * can open its credentials again), its records of every kind, attachment content, and sync checkpoints.
 */
export const deleteConnector = tenantProcedure.input(ZConnectorRefSchema).mutation(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const scope = { tenantId: ctx.tenantId, connectorId: input.connectorId };
  const scheduleDeleted = await deleteSchedule(ctx, input.connectorId);
  const syncTerminated = await terminateIfRunning(ctx, input.connectorId, 'the connector was deleted');
  await ctx.connectors.delete(scope.tenantId, scope.connectorId);
  await ctx.oauthStates.forget(scope.tenantId, scope.connectorId);
  const records = await ctx.records.deleteConnectorRecords(scope);
  const bucket = new GridFSBucket(ctx.db, { bucketName: AttachmentContentStore.bucketName });
  const files = await bucket.find({ 'metadata.tenantId': scope.tenantId, 'metadata.connectorId': scope.connectorId }, { projection: { _id: 1 } }).toArray();
  for (const file of files) await bucket.delete(file._id);
  const checkpoints = (await ctx.db.collection(SyncStateRepository.collectionName).deleteMany(scope)).deletedCount;
  return { connectorId: input.connectorId, deleted: { records, attachmentFiles: files.length, checkpoints }, syncTerminated, scheduleDeleted };
});

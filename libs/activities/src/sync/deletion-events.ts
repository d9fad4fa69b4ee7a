import { randomUUID } from 'node:crypto';
import { RECORD_EVENT_TYPES, recordEventKey, recordEventSource, revisionOf, type TRecordEventOf, type TRecordKind, type TRevision } from '@jira-sync/contracts';
import type { TKeyedEvent } from './record-events.js';
import type { TSyncStepInput } from './sync-context.js';

/**
 * The revision a deletion carries: the stored record's Jira time with this run's generation (one past the stored
 * generation if that is not older). Jira time, not the worker's clock, so a record that comes back later (moved back,
 * a widened filter) with a newer `updated`, or the same one under a later run, outranks the tombstone again.
 */
export function deletionRevision(storedRevision: string, generation: number): TRevision {
  const [updatedPart = '0', generationPart = '0'] = storedRevision.split('.');
  const updatedMs = Number(updatedPart);
  const storedGeneration = Number(generationPart);
  const safe = (value: number) => (Number.isSafeInteger(value) && value >= 0 ? value : 0);
  return revisionOf(safe(updatedMs), Math.max(generation, safe(storedGeneration) + 1));
}

/**
 * A `deleted` record event, keyed like the record's own events (an issue by `issue:<id>`, a role by `role:<id>`), so
 * it reaches the index app after every earlier event of that record, on the same partition.
 */
export function deletionEvent(input: TSyncStepInput, kind: TRecordKind, externalId: string, revision: TRevision, reason: string, now: Date): TKeyedEvent {
  const event: TRecordEventOf<'deleted'> = {
    specversion: '1.0',
    id: randomUUID(),
    source: recordEventSource(input.tenantId, input.connectorId),
    type: RECORD_EVENT_TYPES.deleted,
    subject: externalId,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data: { tenantId: input.tenantId, connectorId: input.connectorId, revision, syncRunId: input.syncRunId, kind, externalId, reason },
  };
  return { key: recordEventKey(input.tenantId, input.connectorId, `${kind}:${externalId}`), event };
}

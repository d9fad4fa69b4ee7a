import { randomUUID } from 'node:crypto';
import {
  RECORD_EVENT_TYPES,
  recordEventKey,
  recordEventSource,
  revisionOf,
  type TRecordEvent,
  type TRecordKind,
} from '@jira-sync/contracts';
import type { TSyncStepInput } from './sync-context.js';

/** One event ready for the publisher: its Kafka key and the CloudEvent. */
export interface TKeyedEvent {
  key: string;
  event: TRecordEvent;
}

/**
 * Wraps a record in its CloudEvent. `orderingId` is the record whose partition it shares (an issue's comments and
 * attachments use the issue id); `updatedMs` is Jira's `updated` where the record has one.
 */
export function recordEvent<K extends TRecordKind>(
  input: TSyncStepInput,
  kind: K,
  subject: string,
  record: Extract<TRecordEvent, { type: (typeof RECORD_EVENT_TYPES)[K] }>['data']['record'],
  options: { orderingId?: string; updatedMs?: number; indexable: boolean; now: Date },
): TKeyedEvent {
  const event = {
    specversion: '1.0',
    id: randomUUID(),
    source: recordEventSource(input.tenantId, input.connectorId),
    type: RECORD_EVENT_TYPES[kind],
    subject,
    time: options.now.toISOString(),
    datacontenttype: 'application/json',
    data: {
      tenantId: input.tenantId,
      connectorId: input.connectorId,
      revision: revisionOf(options.updatedMs ?? 0, input.generation),
      syncRunId: input.syncRunId,
      indexable: options.indexable,
      record,
    },
  } as TRecordEvent;
  return { key: recordEventKey(input.tenantId, input.connectorId, `${kind === 'comment' || kind === 'attachment' ? 'issue' : kind}:${options.orderingId ?? subject}`), event };
}

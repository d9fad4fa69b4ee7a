import { MAX_RECORD_EVENT_BYTES } from '@jira-sync/contracts';
import type { Logger } from '@jira-sync/logging';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { applyRecordEvents } from './apply-record-events.js';
import { createDeadLetterSink, type DeadLetterSink } from './dead-letter.js';
import type { RecordHandlerDeps, StoredIssueLists } from './handlers/record-handler.js';
import type { IndexMetrics } from './metrics/index-metrics.js';
import { parseRecordMessage } from './parse-record-message.js';
import type { KnownChildrenPort } from './record-store.port.js';

export interface IndexConsumerOptions {
  groupId: string;
  logger: Logger;
  /** Record events and where the ones that cannot be applied go. */
  records: { topic: string; deadLetterTopic: string; deps: RecordHandlerDeps };
  /** Messages written per store round trip; offsets are committed after each. */
  chunkSize?: number;
  /** Counts consumed and dead-lettered events and times store writes; absent, nothing is measured. */
  metrics?: IndexMetrics;
}

/** Subscribes the index app's consumer group to the record topic; the returned function stops it. */
export async function startConsumer(kafka: Kafka, options: IndexConsumerOptions): Promise<() => Promise<void>> {
  const records = options.records;
  const deadLetter = await createDeadLetterSink(kafka, records.deadLetterTopic);
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    // A record event may be as large as the topic allows; fetch at least one whole one per partition.
    maxBytesPerPartition: MAX_RECORD_EVENT_BYTES + 1024 * 1024,
    maxBytes: 2 * MAX_RECORD_EVENT_BYTES,
    // Writing a chunk with a 10 MB issue can take tens of seconds on a slow store; heartbeats go out between handlers
    // (applyRecordEvents' onProgress), and the session outlasts one handler's write.
    sessionTimeout: 90_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [records.topic], fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommitInterval: 5_000,
    eachBatch: (payload) => consumeRecordBatch(payload, records, options, deadLetter),
  });
  return async () => {
    await consumer.disconnect();
    await deadLetter.disconnect();
  };
}

/** Record events, chunk by chunk: invalid ones to the dead-letter topic, valid ones written, then offsets advance. */
async function consumeRecordBatch(
  payload: EachBatchPayload,
  records: IndexConsumerOptions['records'],
  options: IndexConsumerOptions,
  deadLetter: DeadLetterSink,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
  const size = options.chunkSize ?? 200;
  // The stored child lists of this partition's issues, shared by the batch's chunks: an issue and its children are
  // keyed alike, so a chunk of comments finds the issue the chunk before wrote instead of reading it again (on FerretDB
  // every read by `_id` is a pass over the collection). Gone with the batch; a failed chunk ends the batch.
  const issueLists = new Map<string, StoredIssueLists | null>();
  // Likewise the issues' child registry entries: registering a batch's comments returns each entry, and the issue's
  // prune then reads none.
  const knownChildren: KnownChildrenPort = new Map();
  for (const chunk of chunksOf(batch.messages, size, MAX_CHUNK_BYTES)) {
    if (!isRunning() || isStale()) return;
    const parsed = chunk.map(parseRecordMessage);
    const invalid = parsed.flatMap((entry) => (entry.ok ? [] : [entry]));
    if (invalid.length > 0) {
      await deadLetter.send({ topic: batch.topic, partition: batch.partition }, invalid);
      options.metrics?.deadLettered.inc({ topic: batch.topic }, invalid.length);
      for (const entry of invalid) {
        options.logger.warn({ topic: batch.topic, partition: batch.partition, offset: entry.message.offset, error: entry.error }, 'record event dead-lettered');
      }
    }
    // A store error propagates: kafkajs redelivers from the last resolved offset, nothing is skipped.
    const stopTimer = options.metrics?.writeSeconds.startTimer();
    try {
      await applyRecordEvents(parsed.flatMap((entry) => (entry.ok ? [entry.event] : [])), records.deps, { onProgress: heartbeat, issueLists, knownChildren });
    } catch (error) {
      stopTimer?.({ outcome: 'error' });
      throw error;
    }
    stopTimer?.({ outcome: 'ok' });
    options.metrics?.eventsConsumed.inc({ topic: batch.topic }, chunk.length);
    const last = chunk[chunk.length - 1];
    if (last) resolveOffset(last.offset);
    await heartbeat();
    await commitOffsetsIfNecessary();
  }
}

/** Bytes of message values per chunk (one larger message still goes alone), so a large event is written on its own. */
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

function* chunksOf<T extends { value: Buffer | null }>(messages: readonly T[], size: number, maxBytes: number): Generator<T[]> {
  let chunk: T[] = [];
  let bytes = 0;
  for (const message of messages) {
    const length = message.value?.byteLength ?? 0;
    if (chunk.length > 0 && (chunk.length >= size || bytes + length > maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += length;
  }
  if (chunk.length > 0) yield chunk;
}

import { MAX_RECORD_EVENT_BYTES, TOPICS, ZRecordEventSchema, recordEventKey, type TRecordEvent } from '@jira-sync/contracts';
import { CompressionTypes, type Kafka, type Message, type Producer } from 'kafkajs';
import { InvalidRecordEventError, RecordEventTooLargeError } from './events-errors.js';

export interface RecordPublisher {
  /**
   * Validates every event, then sends them all; resolves once Kafka acknowledged every message on all in-sync
   * replicas. A bad or oversized event throws before anything of the batch is sent.
   */
  publish(events: ReadonlyArray<{ key: string; event: TRecordEvent }>): Promise<void>;
  disconnect(): Promise<void>;
}

export interface RecordPublisherOptions {
  /** Defaults to TOPICS.records; tests pass a topic of their own. */
  topic?: string;
  /** Largest serialised event (key + value); defaults to MAX_RECORD_EVENT_BYTES, the topic's max.message.bytes. */
  maxEventBytes?: number;
}

/** Messages per produce request: keeps one request well under the broker's request size limit. */
const MAX_MESSAGES_PER_SEND = 500;

/** An idempotent, gzip-compressing producer of record events (CloudEvents structured JSON). */
export async function createRecordPublisher(kafka: Kafka, options: RecordPublisherOptions = {}): Promise<RecordPublisher> {
  const topic = options.topic ?? TOPICS.records;
  const limit = options.maxEventBytes ?? MAX_RECORD_EVENT_BYTES;
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  return {
    async publish(events) {
      const messages = events.map((entry, index) => serialiseEvent(entry, index, limit));
      for (const chunk of chunkBySize(messages, limit)) {
        await sendChunk(producer, topic, chunk, limit);
      }
    },
    disconnect: () => producer.disconnect(),
  };
}

interface SizedMessage {
  message: Message & { value: Buffer };
  bytes: number;
  index: number;
  subject: string;
  type: string;
  key: string;
  recordKey?: string;
}

function serialiseEvent(entry: { key: string; event: TRecordEvent }, index: number, limit: number): SizedMessage {
  const parsed = ZRecordEventSchema.safeParse(entry.event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(event)';
    throw new InvalidRecordEventError(index, field, issue?.message ?? 'does not match the record event schema');
  }
  // The key orders the record's events on one partition: it must name the event's own tenant and connector.
  const prefix = recordEventKey(parsed.data.data.tenantId, parsed.data.data.connectorId, '');
  if (!entry.key.startsWith(prefix) || entry.key.length === prefix.length) {
    throw new InvalidRecordEventError(index, 'key', `must be recordEventKey(tenantId, connectorId, orderingId) of the event's own tenant and connector ("${prefix}<ordering id>")`);
  }
  const value = Buffer.from(JSON.stringify(parsed.data), 'utf8');
  const bytes = value.byteLength + Buffer.byteLength(entry.key, 'utf8');
  // The Jira key (an issue's SHOP-12, a project's SHOP) names the record for a person acting on the error.
  const recordKey = (parsed.data.data as { record?: { key?: unknown } }).record?.key;
  const record = { type: parsed.data.type, key: entry.key, ...(typeof recordKey === 'string' ? { recordKey } : {}) };
  if (bytes > limit) throw new RecordEventTooLargeError(index, bytes, limit, parsed.data.subject, record);
  return { message: { key: entry.key, value }, bytes, index, subject: parsed.data.subject, ...record };
}

/**
 * Splits messages into produce requests. The broker checks each partition's record batch against the topic's
 * max.message.bytes, so a request whose uncompressed total stays under the limit can never be refused for size.
 */
function* chunkBySize(messages: SizedMessage[], limit: number): Generator<SizedMessage[]> {
  let chunk: SizedMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (chunk.length > 0 && (chunk.length >= MAX_MESSAGES_PER_SEND || bytes + message.bytes > limit)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += message.bytes;
  }
  if (chunk.length > 0) yield chunk;
}

async function sendChunk(producer: Producer, topic: string, chunk: SizedMessage[], limit: number): Promise<void> {
  try {
    await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages: chunk.map((entry) => entry.message) });
  } catch (error) {
    // Framing overhead can still push an event right at the limit over it: say so instead of a bare protocol error.
    const type = (error as { type?: unknown }).type;
    const only = chunk.length === 1 ? chunk[0] : undefined;
    if ((type === 'MESSAGE_TOO_LARGE' || type === 'RECORD_LIST_TOO_LARGE') && only) {
      throw new RecordEventTooLargeError(only.index, only.bytes, limit, only.subject, { cause: error, type: only.type, key: only.key, ...(only.recordKey ? { recordKey: only.recordKey } : {}) });
    }
    throw error;
  }
}

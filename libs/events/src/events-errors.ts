/** The one error shape of this lib: a stable code, whether retrying can help, and the context to act on. */
export class EventsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An event that does not match ZRecordEventSchema; nothing of its batch was sent. */
export class InvalidRecordEventError extends EventsError {
  constructor(
    readonly index: number,
    readonly field: string,
    detail: string,
  ) {
    super('INVALID_RECORD_EVENT', `record event #${index} is invalid at ${field}: ${detail}; fix the producer of this event`, false, { index, field });
  }
}

/** An event whose serialised form exceeds what the records topic accepts; nothing of its batch was sent. */
export class RecordEventTooLargeError extends EventsError {
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly limit: number,
    readonly subject?: string,
    options?: { cause?: unknown; type?: string; key?: string; recordKey?: string },
  ) {
    const record = [
      options?.type,
      options?.recordKey ? `record ${options.recordKey}` : undefined,
      subject ? `subject ${subject}` : undefined,
      options?.key ? `key ${options.key}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super(
      'RECORD_EVENT_TOO_LARGE',
      `record event #${index}${record ? ` (${record})` : ''} is ${bytes} bytes serialised, over the ${limit}-byte limit of the records topic (MAX_RECORD_EVENT_BYTES, its max.message.bytes); nothing of its batch was sent; split the record or leave content out of it`,
      false,
      { index, bytes, limit, subject, type: options?.type, key: options?.key, recordKey: options?.recordKey },
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}

/** The consumer group did not reach the topic's end offsets in time. */
export class ConsumerLagTimeoutError extends EventsError {
  constructor(groupId: string, topic: string, timeoutMs: number, lag: Record<number, string>) {
    super(
      'CONSUMER_LAG_TIMEOUT',
      `consumer group ${groupId} did not catch up with ${topic} within ${timeoutMs} ms (lag by partition: ${JSON.stringify(lag)}); is the consumer running?`,
      true,
      { groupId, topic, timeoutMs, lag },
    );
  }
}

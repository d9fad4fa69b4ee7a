import type { TKeyedEvent } from './record-events.js';

/** The publisher the activities need (libs/events' RecordPublisher satisfies it). */
export interface TEventPublisher {
  publish(events: readonly TKeyedEvent[]): Promise<void>;
}

/** Buffers events and publishes them in batches; `flush` resolves once Kafka acknowledged everything buffered. */
export class EventBatcher {
  private buffer: TKeyedEvent[] = [];
  published = 0;

  constructor(
    private readonly publisher: TEventPublisher,
    private readonly batchSize = 500,
  ) {}

  async add(...events: TKeyedEvent[]): Promise<void> {
    this.buffer.push(...events);
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    await this.publisher.publish(batch);
    this.published += batch.length;
  }
}

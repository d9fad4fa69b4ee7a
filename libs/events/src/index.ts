export { ConsumerLagTimeoutError, EventsError, InvalidRecordEventError, RecordEventTooLargeError } from './events-errors.js';
export { runJsonConsumer, type JsonConsumerOptions, type JsonMessage } from './json-consumer.js';
export { createJsonProducer, type JsonProducer, type PublishedRecord } from './json-producer.js';
export { createKafka, type EventsLogger, type KafkaOptions } from './kafka-client.js';
export { createRecordPublisher, type RecordPublisher, type RecordPublisherOptions } from './record-publisher.js';
export { ensureTopics, reconcileTopics, type EnsureTopicsResult, type TopicSpec } from './topics.js';
export { fetchTopicOffsets, type TopicOffsetsOptions } from './topic-offsets.js';
export { waitForConsumerCaughtUp, type WaitForConsumerOptions } from './wait-for-consumer.js';

export { runJsonConsumer, type JsonConsumerOptions, type JsonMessage } from './json-consumer.js';
export { createJsonProducer, type JsonProducer, type PublishedRecord } from './json-producer.js';
export { createKafka, type EventsLogger, type KafkaOptions } from './kafka-client.js';
export { ensureTopics, type TopicSpec } from './topics.js';

import { Kafka, logLevel, type logCreator } from 'kafkajs';

/** The slice of a pino logger kafkajs lines are forwarded to. */
export interface EventsLogger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

export interface KafkaOptions {
  brokers: readonly string[];
  clientId: string;
  /** Receives kafkajs's own lines as structured fields; without it they are dropped below warnings. */
  logger?: EventsLogger;
}

function bridgeTo(logger: EventsLogger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...fields } = log;
      const target =
        level === logLevel.ERROR ? logger.error : level === logLevel.WARN ? logger.warn : level === logLevel.INFO ? logger.info : logger.debug;
      target.call(logger, { component: 'kafkajs', ...fields }, message);
    };
}

/** A kafkajs client that logs warnings and errors only and retries broker connections a bounded number of times. */
export function createKafka(options: KafkaOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    ...(options.logger ? { logCreator: bridgeTo(options.logger) } : {}),
    connectionTimeout: 5_000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

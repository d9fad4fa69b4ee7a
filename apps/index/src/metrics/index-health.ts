import { kafkaBrokersCheck, mongoPingCheck, startHealthServer, type HealthServer, type KafkaAdminFactory, type PingableDb, type Registry } from '@jira-sync/metrics';

export interface IndexHealthOptions {
  host: string;
  port: number;
  registry: Registry;
  db: PingableDb;
  kafka: KafkaAdminFactory;
}

/** /metrics, /livez and /readyz for the index app: ready when MongoDB and Kafka answer. */
export function startIndexHealth(options: IndexHealthOptions): Promise<HealthServer> {
  return startHealthServer({
    host: options.host,
    port: options.port,
    registry: options.registry,
    readiness: { mongodb: mongoPingCheck(options.db), kafka: kafkaBrokersCheck(options.kafka) },
  });
}

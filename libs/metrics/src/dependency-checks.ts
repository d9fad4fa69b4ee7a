import type { ReadinessCheck } from './readiness.js';

/** The slice of a MongoDB `Db` a ping needs. */
export interface PingableDb {
  command(command: { ping: 1 }): Promise<unknown>;
}

/** The slice of a kafkajs `Kafka` a broker probe needs. */
export interface KafkaAdminFactory {
  admin(config?: { retry?: { retries?: number } }): {
    connect(): Promise<void>;
    describeCluster(): Promise<{ brokers: unknown[] }>;
    disconnect(): Promise<void>;
  };
}

/** Ready when the database answers `ping`. */
export function mongoPingCheck(db: PingableDb): ReadinessCheck {
  return () => db.command({ ping: 1 });
}

/** Ready when a broker answers a metadata request with at least one live broker (a fresh admin client per probe). */
export function kafkaBrokersCheck(kafka: KafkaAdminFactory): ReadinessCheck {
  return async () => {
    const admin = kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const { brokers } = await admin.describeCluster();
      if (brokers.length === 0) throw new Error('the cluster reports no live broker');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };
}

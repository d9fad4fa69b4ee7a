import {
  kafkaBrokersCheck,
  mongoPingCheck,
  startHealthServer,
  type HealthServer,
  type KafkaAdminFactory,
  type PingableDb,
  type Registry,
} from '@jira-sync/metrics';
import type { NativeConnection, Worker } from '@temporalio/worker';

export interface WorkerHealthOptions {
  host: string;
  port: number;
  registry: Registry;
  /** The Temporal SDK's exposition text, appended to /metrics. */
  sdkMetrics?: () => Promise<string>;
  db: PingableDb;
  kafka: KafkaAdminFactory;
  connection: Pick<NativeConnection, 'workflowService'>;
  /** Absent in tests that probe the dependencies only. */
  worker?: Pick<Worker, 'getState'>;
}

/** /metrics, /livez and /readyz for the worker: ready when MongoDB, Kafka and Temporal answer and the worker polls. */
export function startWorkerHealth(options: WorkerHealthOptions): Promise<HealthServer> {
  const { worker } = options;
  return startHealthServer({
    host: options.host,
    port: options.port,
    registry: options.registry,
    ...(options.sdkMetrics ? { extraMetrics: options.sdkMetrics } : {}),
    readiness: {
      mongodb: mongoPingCheck(options.db),
      kafka: kafkaBrokersCheck(options.kafka),
      temporal: () => options.connection.workflowService.getSystemInfo({}),
      ...(worker
        ? {
            worker: async () => {
              const state = worker.getState();
              if (state !== 'RUNNING') throw new Error(`the worker is ${state}, not polling`);
            },
          }
        : {}),
    },
  });
}

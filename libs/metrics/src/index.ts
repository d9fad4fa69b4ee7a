export { createHealthEndpoints, HEALTH_PATHS, type HealthEndpointsOptions, type HealthRequestHandler } from './health-endpoints.js';
export { startHealthServer, type HealthServer, type HealthServerOptions } from './health-server.js';
export { kafkaBrokersCheck, mongoPingCheck, type KafkaAdminFactory, type PingableDb } from './dependency-checks.js';
export { createMetricsRegistry } from './metrics-registry.js';
export { runReadinessChecks, type ReadinessCheck, type ReadinessReport } from './readiness.js';
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';

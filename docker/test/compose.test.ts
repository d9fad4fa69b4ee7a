import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpolate, loadComposeValidator, parseCompose } from './compose-schema.js';

const dockerDir = join(import.meta.dirname, '..');
const raw = parseCompose(readFileSync(join(dockerDir, 'compose.yaml'), 'utf8'));
/** The secrets an operator supplies; everything else falls back to the file's defaults. */
const operatorEnv = { JIRA_SYNC_ENCRYPTION_KEYS: 'k1:c2VjcmV0', TEMPORAL_DB_PASSWORD: 'pw', API_ADMIN_KEY: 'a'.repeat(32) };
const compose = interpolate(raw, operatorEnv);

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number | null>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const services = compose['services'] as Record<string, Service>;
const env = (name: string) => services[name]?.environment ?? {};

describe('docker/compose.yaml', () => {
  it('is valid against the Compose Specification JSON schema', () => {
    const validate = loadComposeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check has teeth: a misspelt key, a port that is not one and a bad duration are refused', () => {
    const validate = loadComposeValidator();
    const broken = structuredClone(compose) as { services: Record<string, Record<string, unknown>> };
    broken.services['api'] = { ...broken.services['api'], imagee: 'x' };
    broken.services['worker'] = { ...broken.services['worker'], ports: ['not-a-port'] };
    broken.services['kafka'] = { ...broken.services['kafka'], healthcheck: { test: ['CMD', 'true'], interval: 'ten seconds' } };
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/services/api', '/services/worker/ports/0', '/services/kafka/healthcheck/interval']));
  });

  it('refuses to start without the secrets, naming each', () => {
    expect(() => interpolate(raw, { TEMPORAL_DB_PASSWORD: 'pw' })).toThrow(/JIRA_SYNC_ENCRYPTION_KEYS/);
    expect(() => interpolate(raw, { JIRA_SYNC_ENCRYPTION_KEYS: 'k1:c2VjcmV0' })).toThrow(/TEMPORAL_DB_PASSWORD/);
  });

  it('runs MongoDB as a replica set the apps connect to by its name', () => {
    expect(services['mongodb']?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(services['mongodb']?.healthcheck?.test.join(' ')).toContain("rs.initiate({ _id: 'rs0'");
    for (const app of ['api', 'worker', 'index']) expect(env(app)['MONGODB_URI']).toBe('mongodb://mongodb:27017/?replicaSet=rs0');
  });

  it('runs Kafka in KRaft mode (combined broker and controller, no ZooKeeper) with automatic topic creation off', () => {
    const kafka = env('kafka');
    expect(kafka['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(kafka['KAFKA_CONTROLLER_QUORUM_VOTERS']).toBe('1@kafka:9093');
    expect(kafka['KAFKA_AUTO_CREATE_TOPICS_ENABLE']).toBe('false');
    expect(Object.keys(kafka).some((key) => key.includes('ZOOKEEPER'))).toBe(false);
  });

  it('runs Temporal on PostgreSQL, registers the search attributes, and wires the UI codec endpoint to the api', () => {
    expect(env('temporal')['DB']).toBe('postgres12');
    expect(env('temporal')['POSTGRES_SEEDS']).toBe('postgresql');
    expect(services['temporal-setup']?.command?.join(' ')).toMatch(/for name in TenantId ConnectorId SyncMode SyncStatus/);
    const { API_PORT: apiPort, CODEC_PORT: codecPort } = env('api');
    expect(services['api']?.ports).toEqual([`3000:${apiPort}`, `3001:${codecPort}`]);
    expect(env('temporal-ui')['TEMPORAL_CODEC_ENDPOINT']).toBe(`http://localhost:${codecPort}/codec`);
    expect(env('api')['CODEC_ENDPOINT']).toBe('on');
    // The api answers CORS for exactly the UI's origin as the browser sees it.
    expect(env('api')['TEMPORAL_UI_URL']).toBe(env('temporal-ui')['TEMPORAL_CORS_ORIGINS']);
    expect(services['temporal-ui']?.ports).toEqual(['8233:8080']);
  });

  it('builds each app from its own Dockerfile and starts it only after its dependencies are healthy', () => {
    for (const app of ['api', 'worker', 'index']) {
      expect(services[app]?.build).toEqual({ context: '..', dockerfile: `docker/${app}.Dockerfile` });
      expect(services[app]?.command).toBeUndefined();
      expect(env(app)['NODE_ENV']).toBe('production');
      expect(Object.values(services[app]?.depends_on ?? {}).every((entry) => entry.condition !== 'service_started')).toBe(true);
    }
    expect(Object.keys(services['worker']?.depends_on ?? {}).sort()).toEqual(['kafka', 'mongodb', 'temporal-setup']);
    expect(Object.keys(services['index']?.depends_on ?? {}).sort()).toEqual(['kafka', 'mongodb']);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startDetached } from '../processes.js';
import { StackError } from '../stack-error.js';
import { requireTool, runBuildStep } from '../toolchain.js';
import { serviceFiles, type ServiceContext, type StackService } from './service.js';

// 3.9.x still accepts every protocol version kafkajs 2.2.4 speaks and runs on Java 17.
const KAFKA_VERSION = '3.9.1';
const BROKER_PORT = 9092;
const CONTROLLER_PORT = 9093;

function libDir(ctx: ServiceContext): string {
  return join(ctx.paths.cacheDir, `kafka-${KAFKA_VERSION}`, 'lib');
}

function classpath(ctx: ServiceContext): string {
  return `${libDir(ctx)}/*`;
}

function serverProperties(dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}`,
    `listeners=PLAINTEXT://127.0.0.1:${BROKER_PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${BROKER_PORT}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(dataDir, 'log')}`,
    'num.partitions=1',
    // Topics are created by the code that owns them (with their partition count), never implicitly.
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

/** Formats the KRaft storage once; the cluster id is kept beside the data so restarts reuse it. */
function formatStorage(ctx: ServiceContext, dataDir: string, propertiesFile: string): void {
  const idFile = join(dataDir, 'cluster-id');
  if (!existsSync(idFile)) {
    const generated = spawnSync('java', ['-cp', classpath(ctx), 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' });
    if (generated.status !== 0) throw new StackError('kafka-storage random-uuid failed', undefined, generated.stderr);
    writeFileSync(idFile, generated.stdout.trim());
  }
  const clusterId = readFileSync(idFile, 'utf8').trim();
  const format = spawnSync(
    'java',
    ['-cp', classpath(ctx), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propertiesFile, '--ignore-formatted'],
    { encoding: 'utf8' },
  );
  if (format.status !== 0) {
    throw new StackError('formatting the Kafka storage failed', `remove ${dataDir} to start from scratch`, format.stderr || format.stdout);
  }
}

export const kafkaService: StackService = {
  name: 'kafka',
  version: KAFKA_VERSION,
  ports: [BROKER_PORT, CONTROLLER_PORT],
  readyTimeoutMs: 90_000,
  endpoints: () => [{ label: 'broker (KRaft)', url: `127.0.0.1:${BROKER_PORT}` }],
  process: (ctx) => ({ pidFile: serviceFiles(ctx, 'kafka').pidFile, commandMarker: 'kafka.Kafka' }),

  async ensureBuilt(ctx) {
    const target = libDir(ctx);
    if (existsSync(target) && readdirSync(target).some((file) => file.startsWith('kafka_2.13'))) return;
    requireTool('java');
    requireTool('mvn');
    ctx.log(`resolving Apache Kafka ${KAFKA_VERSION} jars from Maven Central (first run only)`);
    const staging = `${target}.staging`;
    rmSync(staging, { recursive: true, force: true });
    await runBuildStep(
      'Maven copy-dependencies for Kafka',
      'mvn',
      [
        '-q', '-B',
        '-f', join(ctx.paths.repoRoot, 'tools', 'stack', 'kafka', 'pom.xml'),
        `-Dkafka.version=${KAFKA_VERSION}`,
        'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ],
      { cwd: ctx.paths.repoRoot, logFile: join(ctx.paths.cacheDir, 'build-logs', 'kafka.log') },
    );
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  },

  async start(ctx) {
    requireTool('java');
    const files = serviceFiles(ctx, 'kafka');
    mkdirSync(files.dataDir, { recursive: true });
    const propertiesFile = join(files.dataDir, 'server.properties');
    writeFileSync(propertiesFile, serverProperties(files.dataDir));
    formatStorage(ctx, files.dataDir, propertiesFile);
    const log4j = join(ctx.paths.repoRoot, 'tools', 'stack', 'kafka', 'log4j.properties');
    const args = [
      '-Xms256m', '-Xmx768m', '-XX:+UseG1GC', '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${log4j}`,
      `-Dkafka.logs.dir=${join(files.dataDir, 'logs')}`,
      '-cp', classpath(ctx),
      'kafka.Kafka', propertiesFile,
    ];
    return startDetached(this.process(ctx), 'java', args, { logFile: files.logFile, cwd: files.dataDir });
  },

  async isReady() {
    const kafka = new Kafka({
      clientId: 'stack-readiness',
      brokers: [`127.0.0.1:${BROKER_PORT}`],
      connectionTimeout: 2_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return cluster.brokers.length > 0 && cluster.controller !== null;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  },
};

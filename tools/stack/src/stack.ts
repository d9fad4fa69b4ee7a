import { isPortOpen } from './ports.js';
import { runningPid } from './processes.js';
import { stopRecorded } from './processes.js';
import { StackError } from './stack-error.js';
import { ferretdbService } from './services/ferretdb.service.js';
import { kafkaService } from './services/kafka.service.js';
import { serviceFiles, type ServiceContext, type StackService } from './services/service.js';
import { temporalService } from './services/temporal.service.js';
import { waitUntilReady } from './wait.js';

/** Every server of the local stack, in start order. */
export const services: readonly StackService[] = [temporalService, kafkaService, ferretdbService];

export interface ServiceStatus {
  name: string;
  version: string;
  pid: number | undefined;
  ready: boolean;
  endpoints: Array<{ label: string; url: string }>;
}

/** Builds what is missing (Kafka's download beside the Go builds, the two Go builds one after the other). */
async function buildAll(ctx: ServiceContext, selected: readonly StackService[]): Promise<void> {
  const goBuilds = selected.filter((service) => service !== kafkaService);
  const sequentialGo = (async () => {
    for (const service of goBuilds) await service.ensureBuilt(ctx);
  })();
  await Promise.all([sequentialGo, selected.includes(kafkaService) ? kafkaService.ensureBuilt(ctx) : Promise.resolve()]);
}

/** Fails with a clear message when a port the service needs is held by a process this stack did not start. */
export async function assertPortsFree(service: Pick<StackService, 'name' | 'ports'>): Promise<void> {
  for (const port of service.ports) {
    if (await isPortOpen(port)) {
      throw new StackError(
        `port ${port} (${service.name}) is already in use by a process this stack did not start`,
        `stop that process or free port ${port}, then run 'npm run stack:up' again ('ss -ltnp' shows who holds it)`,
      );
    }
  }
}

async function bringUp(ctx: ServiceContext, service: StackService): Promise<void> {
  const proc = service.process(ctx);
  const files = serviceFiles(ctx, service.name);
  let pid = runningPid(proc);
  if (pid === undefined) {
    await assertPortsFree(service);
    pid = await service.start(ctx);
    ctx.log(`${service.name} ${service.version} started (pid ${pid})`);
  }
  await waitUntilReady(service.name, () => service.isReady(ctx), {
    timeoutMs: service.readyTimeoutMs,
    logFile: files.logFile,
    isAlive: () => runningPid(proc) !== undefined,
  });
}

/** Idempotent: builds what is missing, starts what is not running, waits until every server answers. */
export async function stackUp(ctx: ServiceContext, selected = services): Promise<ServiceStatus[]> {
  await buildAll(ctx, selected);
  await Promise.all(selected.map((service) => bringUp(ctx, service)));
  return stackStatus(ctx, selected);
}

/** Stops exactly the processes recorded in our pid files, last started first. */
export async function stackDown(ctx: ServiceContext, selected = services): Promise<string[]> {
  const stopped: string[] = [];
  for (const service of [...selected].reverse()) {
    if (await stopRecorded(service.process(ctx))) stopped.push(service.name);
  }
  return stopped;
}

export async function stackStatus(ctx: ServiceContext, selected = services): Promise<ServiceStatus[]> {
  return Promise.all(
    selected.map(async (service) => {
      const pid = runningPid(service.process(ctx));
      const ready = pid !== undefined && (await service.isReady(ctx).catch(() => false));
      return { name: service.name, version: service.version, pid, ready, endpoints: service.endpoints() };
    }),
  );
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

export interface RunningApps {
  apiUrl: string;
  logDir: string;
  /** Stops every app this call started (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

function startApp(name: 'api' | 'worker' | 'index', env: NodeJS.ProcessEnv, logDir: string): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--conditions=jira-sync-source', '--import', tsxLoader, 'src/main.ts'], {
    cwd: join(repoRoot, 'apps', name),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Starts api, worker and index as separate processes, and waits until the api answers its health check. */
export async function startApps(options: { env: NodeJS.ProcessEnv; apiPort: number; logDir: string; readyTimeoutMs?: number }): Promise<RunningApps> {
  mkdirSync(options.logDir, { recursive: true });
  // The apps fail closed unless NODE_ENV=development is asked for; the demo and its tests run on the public
  // development key ring, so they ask (a caller's own NODE_ENV in options.env still wins).
  // Metrics ports are picked free (and the Temporal SDK exporter left off) so runs side by side do not collide.
  // The simulator serves plain http on loopback, which the api and worker accept only when told to.
  const env = { NODE_ENV: 'development', METRICS_PORT: '0', TEMPORAL_METRICS_ADDRESS: 'off', JIRA_ALLOW_INSECURE_LOOPBACK: 'true', ...options.env, API_PORT: String(options.apiPort), API_HOST: '127.0.0.1' };
  const children = (['worker', 'index', 'api'] as const).map((name) => ({ name, child: startApp(name, env, options.logDir) }));
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const stop = async () => {
    await Promise.all(children.map(({ child }) => stopChild(child)));
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    const dead = children.find(({ child }) => child.exitCode !== null);
    if (dead) {
      await stop();
      throw new Error(`the ${dead.name} app exited during start-up; read ${join(options.logDir, `${dead.name}.log`)}`);
    }
    const healthy = await fetch(`${apiUrl}/health.check`).then((response) => response.ok, () => false);
    if (healthy) return { apiUrl, logDir: options.logDir, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the api did not answer within the start-up deadline; read the logs in ${options.logDir}`);
    }
    await sleep(500);
  }
}

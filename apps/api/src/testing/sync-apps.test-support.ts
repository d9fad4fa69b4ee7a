import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

export interface SyncApps {
  /** Everything the two apps wrote to stdout and stderr, for the secrets scan. */
  output(): string;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Runs the real worker and index apps as processes (an app never imports another app) on the test's own task
 * queue, consumer group and database, so a sync the api starts runs end to end.
 */
export function startSyncApps(env: Record<string, string>): SyncApps {
  let output = '';
  const children = (['worker', 'index'] as const).map((name) => {
    const child = spawn(process.execPath, ['--conditions=jira-sync-source', '--import', tsxLoader, 'src/main.ts'], {
      cwd: join(repoRoot, 'apps', name),
      env: { ...process.env, NODE_ENV: 'development', JIRA_ALLOW_INSECURE_LOOPBACK: 'true', LOG_LEVEL: 'info', METRICS_PORT: '0', TEMPORAL_METRICS_ADDRESS: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    return child;
  });
  return {
    output: () => output,
    stop: async () => {
      await Promise.all(children.map(stopChild));
    },
  };
}

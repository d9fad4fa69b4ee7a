import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/** One app (worker or index) as its own process, as production runs it, with its memory readable from /proc. */
export interface BenchApp {
  name: string;
  pid: number;
  /** CPU time used so far (user and system), in seconds. */
  cpuSeconds(): Promise<number>;
  /** Peak resident set so far (VmHWM), in bytes; start-up included. */
  peakRss(): Promise<number>;
  /** Resident set now (VmRSS), in bytes. */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

async function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name (field 2) may hold spaces; the fields counted from 3 start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : 0;
}

/** USER_HZ: Linux reports process times in 1/100 s on every architecture it runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

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
 * Starts `apps/<name>` and resolves once its log says `readyMessage`; the log goes to `<logDir>/<name>.log`. `built`
 * runs `dist/main.js` as the images do (build it first: `npx nx run-many -t build`), otherwise `src/main.ts` through
 * tsx as `npm start` does. Throws (after stopping it) when it exits or stays silent for `readyTimeoutMs`.
 */
export async function startBenchApp(
  name: 'worker' | 'index',
  options: { env: NodeJS.ProcessEnv; logDir: string; readyMessage: string; readyTimeoutMs?: number; cpuProfileDir?: string; built?: boolean },
): Promise<BenchApp> {
  const logPath = join(options.logDir, `${name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  // With cpuProfileDir, V8 writes the app's CPU profile there when it exits (both apps exit cleanly on SIGTERM).
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const entry = options.built ? ['dist/main.js'] : ['--conditions=jira-sync-source', '--import', tsxLoader, 'src/main.ts'];
  const child = spawn(process.execPath, [...profile, ...entry], {
    cwd: join(repoRoot, 'apps', name),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const ready = new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      if (seen.includes(options.readyMessage)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the ${name} app exited during start-up (code ${code}); read ${logPath}`)));
  });
  const app: BenchApp = {
    name,
    pid: child.pid ?? 0,
    cpuSeconds: () => processCpuSeconds(child.pid ?? 0),
    peakRss: () => statusBytes(child.pid ?? 0, 'VmHWM'),
    rss: () => statusBytes(child.pid ?? 0, 'VmRSS'),
    stop: () => stopChild(child),
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the ${name} app did not say '${options.readyMessage}' in time; read ${logPath}`)), options.readyTimeoutMs ?? 180_000);
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await app.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return app;
}

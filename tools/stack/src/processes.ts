import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcess {
  /** File holding the pid of the process this stack started. */
  readonly pidFile: string;
  /** A fragment of the command line that identifies our process, so a reused pid is never mistaken for ours. */
  readonly commandMarker: string;
}

/** Returns the pid recorded for a process if that process is alive and still ours, else undefined. */
export function runningPid(proc: ManagedProcess): number | undefined {
  if (!existsSync(proc.pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(proc.pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (!isAlive(pid)) return undefined;
  return commandLineOf(pid).includes(proc.commandMarker) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Starts a detached server process with its output appended to a log file, and records its pid. */
export function startDetached(
  proc: ManagedProcess,
  command: string,
  args: readonly string[],
  options: { logFile: string; cwd: string; env?: NodeJS.ProcessEnv },
): number {
  mkdirSync(dirname(options.logFile), { recursive: true });
  mkdirSync(dirname(proc.pidFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...options.env },
    });
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    child.unref();
    writeFileSync(proc.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Stops the process recorded in the pid file (TERM, then KILL after the grace period); true if one was stopped. */
export async function stopRecorded(proc: ManagedProcess, graceMs = 20_000): Promise<boolean> {
  const pid = runningPid(proc);
  if (pid === undefined) {
    rmSync(proc.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
  rmSync(proc.pidFile, { force: true });
  return true;
}

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StackError } from './stack-error.js';
import { tailOf } from './wait.js';

const installHints: Record<string, string> = {
  go: 'install Go 1.25 or newer (Debian: apt-get install golang-go, or the toolchain your machine image ships)',
  java: 'install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)',
  mvn: 'install Apache Maven (Debian: apt-get install maven)',
};

const versionArgs: Record<string, string[]> = { go: ['version'], java: ['-version'], mvn: ['--version'] };

/** Fails with an install hint when a toolchain command is not on PATH. */
export function requireTool(command: string): void {
  const probe = spawnSync(command, versionArgs[command] ?? ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new StackError(`'${command}' is needed to build the local servers but was not found on PATH`, installHints[command]);
  }
}

/** Runs a build command with its output in a log file; a failure reports the log's tail. */
export async function runBuildStep(
  what: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n$ ${command} ${args.join(' ')}\n`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new StackError(`${what} failed (exit ${code})`, `read ${options.logFile}`, tailOf(options.logFile));
  }
}

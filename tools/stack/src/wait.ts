import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './stack-error.js';

/** Polls `check` until it returns true or the deadline passes; then fails with the tail of the server's log. */
export async function waitUntilReady(
  name: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; logFile: string; isAlive: () => boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (!options.isAlive()) {
      throw new StackError(`${name} exited during start-up`, `read ${options.logFile}`, tailOf(options.logFile));
    }
    if (Date.now() > deadline) {
      throw new StackError(
        `${name} did not become ready within ${Math.round(options.timeoutMs / 1000)} s`,
        `read ${options.logFile}; stop it with 'npm run stack:down' and retry`,
        tailOf(options.logFile),
      );
    }
    await sleep(500);
  }
}

/** The last lines of a log file, for error messages. */
export function tailOf(file: string, lines = 25): string {
  if (!existsSync(file)) return '(no log written)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

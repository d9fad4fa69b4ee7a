import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StackError } from './stack-error.js';
import { waitUntilReady } from './wait.js';

describe('waitUntilReady', () => {
  it('fails at once with the log tail when the server process has died', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'stack-wait-')), 'srv.log');
    writeFileSync(logFile, 'starting\npanic: address already in use\n');
    const failure = waitUntilReady('srv', async () => false, { timeoutMs: 60_000, logFile, isAlive: () => false });
    await expect(failure).rejects.toBeInstanceOf(StackError);
    await expect(failure).rejects.toMatchObject({ message: 'srv exited during start-up', logTail: expect.stringContaining('panic: address already in use') });
  });

  it('gives up after its deadline instead of hanging', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'stack-wait-')), 'srv.log');
    const failure = waitUntilReady('srv', async () => false, { timeoutMs: 0, logFile, isAlive: () => true });
    await expect(failure).rejects.toThrow('srv did not become ready within 0 s');
  });

  it('returns as soon as the probe succeeds', async () => {
    let calls = 0;
    await waitUntilReady('srv', async () => ++calls >= 2, { timeoutMs: 10_000, logFile: '/nonexistent', isAlive: () => true });
    expect(calls).toBe(2);
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningPid, startDetached, stopRecorded } from './processes.js';

const started: number[] = [];

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('managed processes', () => {
  it('records, recognises and stops a process it started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-proc-'));
    const proc = { pidFile: join(dir, 'sleeper.pid'), commandMarker: 'stack-test-sleeper' };
    const pid = startDetached(proc, process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'stack-test-sleeper'], {
      logFile: join(dir, 'sleeper.log'),
      cwd: dir,
    });
    started.push(pid);
    expect(runningPid(proc)).toBe(pid);
    expect(await stopRecorded(proc)).toBe(true);
    expect(runningPid(proc)).toBeUndefined();
  });

  it('does not claim a live process whose command line is not ours', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-proc-'));
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    started.push(stranger.pid!);
    const proc = { pidFile: join(dir, 'x.pid'), commandMarker: 'not-this-one' };
    writeFileSync(proc.pidFile, `${stranger.pid}\n`);
    expect(runningPid(proc)).toBeUndefined();
  });

  it('reports nothing stopped when the pid file is stale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-proc-'));
    const proc = { pidFile: join(dir, 'gone.pid'), commandMarker: 'gone' };
    writeFileSync(proc.pidFile, '999999999\n');
    expect(await stopRecorded(proc)).toBe(false);
  });
});

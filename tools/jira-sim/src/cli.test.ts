import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('jira-sim serve', () => {
  it('prints its base URLs and the preset credentials, and serves the printed site', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'jira-sim.mjs'), 'serve', '--preset', 'demo', '--port', '0', '--search-lag-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('OAuth user')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${String(code)}: ${text}`)));
      });
      expect(output).toContain('alex.rivera@example.com / ATATT-sim-alex-token');
      expect(output).toMatch(/API gateway\s+http:\/\/127\.0\.0\.1:\d+/);
      const siteUrl = /site Acme\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
      const reply = await fetch(`${siteUrl}/rest/api/3/serverInfo`);
      expect(((await reply.json()) as { deploymentType: string }).deploymentType).toBe('Cloud');
    } finally {
      // The bin script runs tsx, which runs node: end the whole process group this test started.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  });
});

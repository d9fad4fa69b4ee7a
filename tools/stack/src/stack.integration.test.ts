import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPortOpen } from './ports.js';
import { resolveStackPaths } from './paths.js';
import { stackStatus } from './stack.js';

const ctx = { paths: resolveStackPaths(), log: () => undefined };

describe('the running stack (started by npm test)', () => {
  it('reports every server ready with its endpoints', async () => {
    const statuses = await stackStatus(ctx);
    expect(statuses.map((status) => [status.name, status.ready])).toEqual([
      ['temporal', true],
      ['kafka', true],
      ['ferretdb', true],
    ]);
    expect(statuses.flatMap((status) => status.endpoints.map((endpoint) => endpoint.url))).toContain('http://127.0.0.1:8233');
  });

  it('sees a port held by another listener as taken', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    expect(await isPortOpen(address.port)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await isPortOpen(address.port)).toBe(false);
  });
});

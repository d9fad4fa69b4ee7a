import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StackError } from './stack-error.js';
import { assertPortsFree } from './stack.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function holdPort(): Promise<number> {
  server = createServer();
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('assertPortsFree', () => {
  it('refuses to start over a port held by another process, saying which port and what to do', async () => {
    const port = await holdPort();
    const check = assertPortsFree({ name: 'kafka', ports: [port] });
    await expect(check).rejects.toBeInstanceOf(StackError);
    await expect(check).rejects.toThrow(`port ${port} (kafka) is already in use by a process this stack did not start`);
    await expect(check).rejects.toMatchObject({ hint: expect.stringContaining(`free port ${port}`) });
  });

  it('lets a service start when its ports are free', async () => {
    const port = await holdPort();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(assertPortsFree({ name: 'kafka', ports: [port] })).resolves.toBeUndefined();
  });
});

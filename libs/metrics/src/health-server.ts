import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHealthEndpoints, type HealthEndpointsOptions } from './health-endpoints.js';

export interface HealthServerOptions extends HealthEndpointsOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

export interface HealthServer {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the health endpoints on their own port (worker, index: apps with no HTTP server of their own). */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const handle = createHealthEndpoints(options);
  const server = createServer((request, response) => {
    handle(request, response).then(
      (handled) => {
        if (!handled) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics, /livez or /readyz\n');
      },
      () => {
        if (!response.headersSent) response.writeHead(500).end();
      },
    );
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

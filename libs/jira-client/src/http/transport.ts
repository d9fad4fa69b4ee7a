import { Agent, type Dispatcher } from 'undici';

export interface TransportOptions {
  /** Time allowed to open a connection. Default 10 s. */
  connectTimeoutMs?: number;
  /** Time allowed until response headers arrive. Default 30 s. */
  headersTimeoutMs?: number;
  /** Time allowed between body chunks. Default 60 s. */
  bodyTimeoutMs?: number;
  /** Idle keep-alive time of pooled connections. Default 30 s. */
  keepAliveTimeoutMs?: number;
  /** Connections per origin. Default 16. */
  connectionsPerOrigin?: number;
}

/** A keep-alive connection pool with timeouts; share one per process and close it on shutdown. */
export function createTransport(options: TransportOptions = {}): Dispatcher {
  return new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    headersTimeout: options.headersTimeoutMs ?? 30_000,
    bodyTimeout: options.bodyTimeoutMs ?? 60_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    connections: options.connectionsPerOrigin ?? 16,
  });
}

let shared: Dispatcher | undefined;

/** The process-wide pool used when a client is not given a dispatcher. */
export function sharedTransport(): Dispatcher {
  shared ??= createTransport();
  return shared;
}

/** Closes the shared pool (graceful shutdown); a later request opens a new one. */
export async function closeSharedTransport(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

export type QueryValue = string | number | boolean | undefined | ReadonlyArray<string | number>;

/** Builds `base + path` with path parameters filled in (encoded) and repeated query parameters for arrays. */
export function buildUrl(
  baseUrl: string,
  pathTemplate: string,
  pathParams: Record<string, string | number> = {},
  query: Record<string, QueryValue> = {},
): URL {
  const path = pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`Path parameter '${name}' is missing for ${pathTemplate}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl + path);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.append(name, String(value));
  }
  return url;
}

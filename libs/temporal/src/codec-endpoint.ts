import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';

const MAX_BODY_BYTES = 4 * 1024 * 1024;

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface CodecEndpointOptions {
  codec: PayloadCodec;
  /** Browser origins allowed to call the endpoint (the Temporal UI's), e.g. http://127.0.0.1:8233. */
  allowedOrigins: readonly string[];
  /** URL path prefix; `${prefix}/decode` and `${prefix}/encode` are served. */
  pathPrefix?: string;
}

/**
 * Temporal's codec-server protocol, so the Temporal UI (--ui-codec-endpoint) can show the payloads the encryption
 * codec seals. Returns a request listener that answers its own paths and returns false for every other request.
 * It decrypts: deploy it only behind the same access control as the Temporal UI.
 */
export function createCodecEndpoint(options: CodecEndpointOptions): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const prefix = options.pathPrefix ?? '/codec';
  return async (request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const action = path === `${prefix}/decode` ? 'decode' : path === `${prefix}/encode` ? 'encode' : undefined;
    if (!action) return false;
    const origin = request.headers.origin;
    if (origin && options.allowedOrigins.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', 'content-type, x-namespace');
      response.setHeader('Vary', 'Origin');
    }
    if (request.method === 'OPTIONS') return reply(response, 204);
    if (request.method !== 'POST') return reply(response, 405, { message: 'use POST with {"payloads": [...]}' });
    try {
      const body = JSON.parse(await readBody(request)) as { payloads?: JsonPayload[] };
      if (!Array.isArray(body.payloads)) return reply(response, 400, { message: 'the body must be {"payloads": [...]}' });
      const payloads = body.payloads.map(fromJson);
      const result = action === 'decode' ? await options.codec.decode(payloads) : await options.codec.encode(payloads);
      return reply(response, 200, { payloads: result.map(toJson) });
    } catch (error) {
      return reply(response, 400, { message: error instanceof Error ? error.message : 'invalid request' });
    }
  };
}

function reply(response: ServerResponse, status: number, body?: unknown): true {
  response.statusCode = status;
  if (body !== undefined) response.setHeader('Content-Type', 'application/json');
  response.end(body === undefined ? undefined : JSON.stringify(body));
  return true;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`the request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fromJson(payload: JsonPayload): Payload {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]));
  return { metadata, data: Buffer.from(payload.data ?? '', 'base64') };
}

function toJson(payload: Payload): JsonPayload {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]));
  return { metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') };
}

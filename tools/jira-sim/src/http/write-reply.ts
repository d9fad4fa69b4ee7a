/** Serialises a SimReply onto the wire. */
import type { ServerResponse } from 'node:http';
import type { SimReply } from './route-types.js';

export function writeReply(response: ServerResponse, reply: SimReply, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { ...extraHeaders, ...(reply.headers ?? {}) };
  let payload: Buffer | string | undefined;
  if (reply.raw !== undefined) {
    payload = reply.raw;
    headers['content-type'] ??= reply.contentType ?? 'application/octet-stream';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] = reply.contentType ?? 'application/json;charset=UTF-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(reply.status, headers);
  response.end(payload);
}

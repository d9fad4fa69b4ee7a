import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Secret } from '@jira-sync/contracts';
import { createLogger } from '@jira-sync/logging';
import { EncryptionCodec } from '@jira-sync/temporal';
import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodecServer } from './codec-server.js';

const codec = new EncryptionCodec({ currentKeyId: 'k', keys: new Map([['k', randomBytes(32)]]) });
const ui = 'http://127.0.0.1:8233';
const token = randomBytes(32).toString('base64url');
const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
let server: Server;
let base: string;

beforeAll(async () => {
  server = createCodecServer({ codec, allowedOrigin: ui, tokens: [new Secret(token)], requireToken: true, allowEncode: false, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/codec`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function sealedBody(value: unknown): Promise<string> {
  const [payload] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  const b64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');
  return JSON.stringify({ payloads: [{ metadata: Object.fromEntries(Object.entries(payload!.metadata ?? {}).map(([key, bytes]) => [key, b64(bytes)])), data: b64(payload!.data) }] });
}

describe('the codec endpoint on its own listener', () => {
  it('refuses to decode without the operator token and decodes with it', async () => {
    const body = await sealedBody({ hello: 'ui' });
    expect((await fetch(`${base}/decode`, { method: 'POST', body })).status).toBe(401);
    expect((await fetch(`${base}/decode`, { method: 'POST', body, headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const response = await fetch(`${base}/decode`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const decoded = (await response.json()) as { payloads: Array<{ data: string }> };
    expect(Buffer.from(decoded.payloads[0]!.data, 'base64').toString('utf8')).toBe('{"hello":"ui"}');
  });

  it('does not seal payloads unless configured to', async () => {
    const response = await fetch(`${base}/encode`, { method: 'POST', body: '{"payloads":[]}', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(403);
  });

  it('answers CORS for the Temporal UI origin only', async () => {
    const preflight = await fetch(`${base}/decode`, { method: 'OPTIONS', headers: { origin: ui } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ui);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(`${base}/decode`, { method: 'POST', body: '{}', headers: { origin: 'http://evil.example', authorization: `Bearer ${token}` } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodecEndpoint } from './codec-endpoint.js';
import { EncryptionCodec } from './encryption-codec.js';

const codec = new EncryptionCodec({ currentKeyId: 'k', keys: new Map([['k', randomBytes(32)]]) });
const ui = 'http://127.0.0.1:8233';
let server: Server;
let base: string;

beforeAll(async () => {
  const endpoint = createCodecEndpoint({ codec, allowedOrigins: [ui] });
  server = createServer((request, response) => {
    void endpoint(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end('not the codec');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function asJson(payloads: Awaited<ReturnType<EncryptionCodec['encode']>>) {
  return payloads.map((p) => ({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  }));
}

describe('the codec endpoint for the Temporal UI', () => {
  it('decodes sealed payloads back to the JSON the workflow received', async () => {
    const sealed = await codec.encode([defaultPayloadConverter.toPayload({ message: 'hello' })]);
    const response = await fetch(`${base}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ui },
      body: JSON.stringify({ payloads: asJson(sealed) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ui);
    const body = (await response.json()) as { payloads: Array<{ data: string }> };
    expect(JSON.parse(Buffer.from(body.payloads[0]!.data, 'base64').toString())).toEqual({ message: 'hello' });
  });

  it('grants CORS to the configured UI origin only', async () => {
    const preflight = await fetch(`${base}/codec/decode`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a malformed body with 400 and a sentence, and leaves other paths alone', async () => {
    const bad = await fetch(`${base}/codec/decode`, { method: 'POST', body: '{"nope":1}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'the body must be {"payloads": [...]}' });
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentContentStore } from './attachment-content.store.js';
import type { StoreConnection } from './connect-store.js';
import { connectTestStore, dropTestStore } from './test-db.test-support.js';

let store: StoreConnection;
let content: AttachmentContentStore;
const scope = { tenantId: 'acme', connectorId: 'main' };
const CHUNK = 256 * 1024;

beforeAll(async () => {
  store = await connectTestStore('content');
  content = new AttachmentContentStore(store.db);
});

afterAll(() => dropTestStore(store));

/** `count` chunks of deterministic bytes, generated one at a time. */
async function* generated(count: number, seed: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i++) yield Buffer.alloc(CHUNK, (seed + i) % 251);
}

async function digestOf(count: number, seed: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of generated(count, seed)) hash.update(chunk);
  return hash.digest('hex');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

describe('AttachmentContentStore', () => {
  it('streams a few MB in, hashes them, and streams the same bytes out', async () => {
    const result = await content.put(scope, 'a1', generated(12, 1), { maxBytes: 10 * 1024 * 1024 });
    expect(result).toEqual({ state: 'stored', gridFsId: expect.any(String), sha256: await digestOf(12, 1), bytes: 12 * CHUNK });
    if (result.state !== 'stored') throw new Error('not stored');
    expect(await readAll(content.open(result.gridFsId))).toEqual({ sha256: result.sha256, bytes: result.bytes });
  });

  it('skips a file past the limit and leaves no partial file behind', async () => {
    const files = store.db.collection('attachment_content.files');
    const chunks = store.db.collection('attachment_content.chunks');
    const before = { files: await files.countDocuments(), chunks: await chunks.countDocuments() };
    const result = await content.put(scope, 'big', Readable.from(generated(20, 2)), { maxBytes: 3 * 1024 * 1024 });
    expect(result).toEqual({ state: 'skipped', reason: expect.stringContaining('3145728-byte limit') });
    expect({ files: await files.countDocuments(), chunks: await chunks.countDocuments() }).toEqual(before);
  });

  it('replaces the previous file of the same attachment and deletes on request', async () => {
    const first = await content.put(scope, 'a2', generated(2, 3), { maxBytes: CHUNK * 4 });
    const second = await content.put(scope, 'a2', generated(3, 4), { maxBytes: CHUNK * 4 });
    if (first.state !== 'stored' || second.state !== 'stored') throw new Error('not stored');
    expect(await content.delete(first.gridFsId)).toBe(false);
    expect(await readAll(content.open(second.gridFsId))).toEqual({ sha256: await digestOf(3, 4), bytes: 3 * CHUNK });
    expect(await content.delete(second.gridFsId)).toBe(true);
    await expect(readAll(content.open(second.gridFsId))).rejects.toThrow(/FileNotFound|not found/i);
  });
});

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { JiraAttachmentTooLargeError } from '../errors/jira-local-errors.js';
import { JiraHttp } from '../http/jira-http.js';
import { startFixtureServer, type FixtureServer } from '../test-support/fixture-server.test-support.js';
import { createContractRecorder } from '../test-support/openapi-contract.test-support.js';
import { downloadAttachment } from './attachments.js';

const servers: FixtureServer[] = [];
const recorder = createContractRecorder();
afterAll(() => expect(recorder.violations()).toEqual([]));
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(bytes: Buffer, sendLength = true) {
  const media = await startFixtureServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', ...(sendLength ? { 'content-length': String(bytes.length) } : {}) });
    res.end(bytes);
  });
  const site = await startFixtureServer((_req, res) => {
    res.writeHead(303, { location: `${media.url}/file/abc/binary?token=jwt` });
    res.end();
  });
  servers.push(media, site);
  const http = new JiraHttp({ baseUrl: site.url, auth: { authorization: async () => 'Basic c2VjcmV0' }, observer: recorder.observer });
  return { http, media, site };
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('downloadAttachment', () => {
  it('follows the 303 to the media host without the Authorization header', async () => {
    const { http, media, site } = await setup(Buffer.from('hello'));
    const content = await downloadAttachment(http, '10000', { maxBytes: 100 });
    expect(await readAll(content.body)).toBe('hello');
    expect(content.contentType).toBe('text/plain');
    expect(site.seen[0]?.headers.authorization).toBe('Basic c2VjcmV0');
    expect(media.seen[0]?.headers.authorization).toBeUndefined();
    expect(media.seen[0]?.url).toBe('/file/abc/binary?token=jwt');
  });

  it('refuses a file whose Content-Length exceeds the cap before reading it', async () => {
    const { http } = await setup(Buffer.alloc(500));
    await expect(downloadAttachment(http, '1', { maxBytes: 100 })).rejects.toBeInstanceOf(JiraAttachmentTooLargeError);
  });

  it('stops streaming once the cap is passed when the length is not announced', async () => {
    const { http } = await setup(Buffer.alloc(50_000), false);
    const content = await downloadAttachment(http, '1', { maxBytes: 1000 });
    await expect(readAll(content.body)).rejects.toBeInstanceOf(JiraAttachmentTooLargeError);
  });
});

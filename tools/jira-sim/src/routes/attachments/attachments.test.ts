import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

function someAttachment() {
  const truth = t.sim.control.groundTruth();
  const attachment = truth.attachments.find((candidate) => candidate.acl.readers?.includes(t.sim.credentials.admin.accountId));
  if (!attachment) throw new Error('demo data has no attachment');
  return attachment;
}

describe('attachments', () => {
  it('describes an attachment with a numeric id', async () => {
    const attachment = someAttachment();
    const reply = await call(api(`/attachment/${attachment.id}`), { headers: as(t.sim, 'admin') });
    expect(reply.body.id).toBe(Number(attachment.id));
    expect(reply.body.size).toBe(attachment.size);
  });

  it('lists attachments on the issue with string ids', async () => {
    const attachment = someAttachment();
    const reply = await call(api(`/issue/${attachment.issueId}?fields=attachment`), { headers: as(t.sim, 'admin') });
    expect(reply.body.fields.attachment.map((item: { id: string }) => item.id)).toContain(attachment.id);
  });

  it('redirects content with 303 to the media host, which serves the bytes without Authorization', async () => {
    const attachment = someAttachment();
    const redirect = await call(api(`/attachment/content/${attachment.id}`), { headers: as(t.sim, 'admin') });
    expect(redirect.status).toBe(303);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(t.sim.mediaUrl)).toBe(true);
    const bytes = await fetch(location);
    expect(bytes.status).toBe(200);
    expect((await bytes.arrayBuffer()).byteLength).toBe(attachment.size);
  });

  it('refuses a media URL after its token expires', async () => {
    const attachment = someAttachment();
    const redirect = await call(api(`/attachment/content/${attachment.id}`), { headers: as(t.sim, 'admin') });
    t.sim.control.clock.advance(10 * 60_000);
    const late = await fetch(redirect.headers.get('location') ?? '');
    expect(late.status).toBe(401);
  });

  it('serves the same bytes directly with redirect=false, and ranges with 206 or 416', async () => {
    const attachment = someAttachment();
    const direct = await fetch(api(`/attachment/content/${attachment.id}?redirect=false`), { headers: as(t.sim, 'admin') });
    const all = Buffer.from(await direct.arrayBuffer());
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-type')).toBe(attachment.mimeType);
    const partial = await fetch(api(`/attachment/content/${attachment.id}?redirect=false`), { headers: { ...as(t.sim, 'admin'), range: 'bytes=10-19' } });
    expect(partial.status).toBe(206);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(all.subarray(10, 20));
    const beyond = await fetch(api(`/attachment/content/${attachment.id}?redirect=false`), { headers: { ...as(t.sim, 'admin'), range: `bytes=${attachment.size + 5}-` } });
    expect(beyond.status).toBe(416);
  });

  it('answers 404 for an attachment on an issue the caller cannot see', async () => {
    const truth = t.sim.control.groundTruth();
    const hidden = truth.attachments.find((candidate) => !candidate.acl.anyone);
    const reply = await call(api(`/attachment/${hidden?.id ?? ''}`));
    expect(reply.status).toBe(404);
  });

  it('reports attachment settings', async () => {
    const reply = await call(api('/attachment/meta'), { headers: as(t.sim, 'apiUser') });
    expect(reply.body).toEqual({ enabled: true, uploadLimit: expect.any(Number) });
  });
});

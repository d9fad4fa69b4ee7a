import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

/** A generated attachment added through a comment the API user cannot see, on an issue both it and the admin see. */
function hiddenFromApiUser() {
  const truth = t.sim.control.groundTruth();
  const { apiUser, admin } = t.sim.credentials;
  const attachment = truth.attachments.find((candidate) => {
    const issue = truth.issues.find((item) => item.id === candidate.issueId);
    const bothSeeIssue = issue?.acl.readers?.includes(apiUser.accountId) === true && issue.acl.readers.includes(admin.accountId);
    return candidate.commentId !== undefined && bothSeeIssue && !candidate.acl.readers?.includes(apiUser.accountId) && candidate.acl.readers?.includes(admin.accountId);
  });
  if (!attachment) throw new Error('demo data has no attachment on a comment restricted away from the API user');
  return attachment;
}

describe('attachments added through restricted comments', () => {
  it('leaves them out of fields.attachment on issue, search and bulkfetch for callers outside the restriction', async () => {
    const attachment = hiddenFromApiUser();
    for (const who of ['apiUser', 'admin'] as const) {
      const expected = who === 'admin';
      const issue = await call(api(`/issue/${attachment.issueId}?fields=attachment`), { headers: as(t.sim, who) });
      expect(issue.status).toBe(200);
      expect(ids(issue.body.fields.attachment).includes(attachment.id)).toBe(expected);
      const search = await call(api(`/search/jql?jql=${encodeURIComponent(`id = ${attachment.issueId}`)}&fields=attachment`), { headers: as(t.sim, who) });
      expect(ids(search.body.issues[0].fields.attachment).includes(attachment.id)).toBe(expected);
      const bulk = await call(api('/issue/bulkfetch'), { method: 'POST', headers: { ...as(t.sim, who), 'content-type': 'application/json' }, body: JSON.stringify({ issueIdsOrKeys: [attachment.issueId], fields: ['attachment'] }) });
      expect(ids(bulk.body.issues[0].fields.attachment).includes(attachment.id)).toBe(expected);
    }
  });

  it('answers 403 on metadata and content to a caller outside the restriction, and serves a member', async () => {
    const attachment = hiddenFromApiUser();
    const refusedMeta = await call(api(`/attachment/${attachment.id}`), { headers: as(t.sim, 'apiUser') });
    expect(refusedMeta.status).toBe(403);
    expect(refusedMeta.body.errorMessages).toHaveLength(1);
    const refusedContent = await call(api(`/attachment/content/${attachment.id}`), { headers: as(t.sim, 'apiUser') });
    expect(refusedContent.status).toBe(403);
    expect(refusedContent.headers.get('location')).toBeNull();
    const meta = await call(api(`/attachment/${attachment.id}`), { headers: as(t.sim, 'admin') });
    expect(meta.body.id).toBe(Number(attachment.id));
    const bytes = await fetch(api(`/attachment/content/${attachment.id}?redirect=false`), { headers: as(t.sim, 'admin') });
    expect(bytes.status).toBe(200);
    expect((await bytes.arrayBuffer()).byteLength).toBe(attachment.size);
  });

  it('adds an image through a comment over the control API, restricting its thumbnail until the comment is opened up', async () => {
    const truth = t.sim.control.groundTruth();
    const { apiUser, admin } = t.sim.credentials;
    const group = truth.groups.find((candidate) => candidate.memberAccountIds.includes(admin.accountId) && !candidate.memberAccountIds.includes(apiUser.accountId));
    const issue = truth.issues.find((candidate) => candidate.acl.readers?.includes(apiUser.accountId) && candidate.acl.readers.includes(admin.accountId));
    if (!group || !issue) throw new Error('demo data has no group with the admin but not the API user, or no issue both see');
    const body = { version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Screenshot attached.' }] }] } as const;
    const comment = t.sim.control.comments.add(issue.key, { body, visibility: { type: 'group', value: group.name, identifier: group.groupId } });
    const control = await call(`${t.sim.sites[0]?.siteUrl ?? ''}/__sim/issues/${issue.key}/attachments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'shot.png', mimeType: 'image/png', size: 4096, commentId: comment.id }) });
    expect(control.status).toBe(200);
    const id = String(control.body.id);
    expect((await call(api(`/attachment/thumbnail/${id}`), { headers: as(t.sim, 'apiUser') })).status).toBe(403);
    expect((await call(api(`/attachment/thumbnail/${id}`), { headers: as(t.sim, 'admin') })).status).toBe(303);
    t.sim.control.comments.update(comment.id, { visibility: null });
    expect((await call(api(`/attachment/thumbnail/${id}`), { headers: as(t.sim, 'apiUser') })).status).toBe(303);
  });

  it('refuses to add an attachment through a comment of another issue', () => {
    const truth = t.sim.control.groundTruth();
    const [first, second] = truth.issues.filter((issue) => (t.sim.control.site().issues.get(issue.id)?.commentIds.length ?? 0) > 0);
    const foreign = t.sim.control.site().issues.get(second?.id ?? '')?.commentIds[0];
    expect(() => t.sim.control.attachments.add(first?.key ?? '', { filename: 'x.txt', commentId: foreign })).toThrow(/has no comment/);
  });
});

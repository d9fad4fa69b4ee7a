import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const postJson = (path: string, body: unknown, who: 'apiUser' | 'admin' = 'admin') =>
  call(api(path), { method: 'POST', headers: { ...as(t.sim, who), 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('issues, comments and changelogs', () => {
  it('returns every field by default on GET issue, with ADF description', async () => {
    const reply = await call(api('/issue/PLAT-1'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    expect(reply.body.fields.description.type).toBe('doc');
    expect(reply.body.fields).toHaveProperty('comment');
    expect(reply.body.fields).toHaveProperty('attachment');
    expect(reply.body.fields.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
  });

  it('renders timestamps in the caller time zone', async () => {
    const pacific = await call(api('/issue/PLAT-1?fields=created'), { headers: as(t.sim, 'apiUser') });
    const london = await call(api('/issue/PLAT-1?fields=created'), { headers: as(t.sim, 'admin') });
    expect(pacific.body.fields.created).toMatch(/-0[78]00$/);
    expect(london.body.fields.created).toMatch(/\+0[01]00$/);
  });

  it('resolves a moved issue by its old key without a redirect', async () => {
    const moved = t.sim.control.issues.move('PLAT-2', { toProjectKey: 'HELP' });
    const reply = await call(api('/issue/PLAT-2'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    expect(reply.body.key).toBe(moved.key);
    expect(reply.body.id).toBe(moved.id);
  });

  it('bulk-fetches visible issues in ascending id order and silently omits the rest', async () => {
    const truth = t.sim.control.groundTruth();
    const me = t.sim.credentials.apiUser.accountId;
    const hidden = truth.issues.find((issue) => !issue.acl.readers?.includes(me));
    const visible = truth.issues.filter((issue) => issue.acl.readers?.includes(me)).slice(0, 3);
    const refs = [...visible.map((issue) => issue.key).reverse(), hidden?.id ?? '', 'NOPE-1'];
    const reply = await postJson('/issue/bulkfetch', { issueIdsOrKeys: refs, fields: ['summary'] }, 'apiUser');
    expect(reply.body.issues.map((issue: { id: string }) => issue.id)).toEqual(visible.map((issue) => issue.id).sort((a, b) => Number(a) - Number(b)));
    expect(reply.body.issueErrors).toEqual([]);
  });

  it('refuses more than 100 issues in one bulk fetch', async () => {
    const reply = await postJson('/issue/bulkfetch', { issueIdsOrKeys: Array.from({ length: 101 }, (_, index) => String(10000 + index)) });
    expect(reply.status).toBe(400);
  });

  it('pages comments as PageOfComments without isLast and honours orderBy', async () => {
    const issue = t.sim.control.groundTruth().issues.find((candidate) => candidate.acl.readers?.includes(t.sim.credentials.admin.accountId) && (t.sim.control.site().issues.get(candidate.id)?.commentIds.length ?? 0) >= 2);
    const ascending = await call(api(`/issue/${issue?.id ?? ''}/comment`), { headers: as(t.sim, 'admin') });
    expect(ascending.body.maxResults).toBe(100);
    expect(ascending.body.isLast).toBeUndefined();
    const descending = await call(api(`/issue/${issue?.id ?? ''}/comment?orderBy=-created`), { headers: as(t.sim, 'admin') });
    expect(descending.body.comments.map((comment: { id: string }) => comment.id)).toEqual([...ascending.body.comments.map((comment: { id: string }) => comment.id)].reverse());
    const bad = await call(api(`/issue/${issue?.id ?? ''}/comment?orderBy=updated`), { headers: as(t.sim, 'admin') });
    expect(bad.status).toBe(400);
  });

  it('hides restricted comments from callers outside the group or role, and counts only visible ones', async () => {
    const truth = t.sim.control.groundTruth();
    const me = t.sim.credentials.apiUser.accountId;
    const restricted = truth.comments.find((comment) => comment.visibility && !comment.acl.readers?.includes(me) && truth.issues.find((issue) => issue.id === comment.issueId)?.acl.readers?.includes(me));
    expect(restricted).toBeDefined();
    const reply = await call(api(`/issue/${restricted?.issueId ?? ''}/comment`), { headers: as(t.sim, 'apiUser') });
    const expected = truth.comments.filter((comment) => comment.issueId === restricted?.issueId && comment.acl.readers?.includes(me));
    expect(reply.body.comments.map((comment: { id: string }) => comment.id)).toEqual(expected.map((comment) => comment.id));
    expect(reply.body.total).toBe(expected.length);
    const listed = await postJson('/comment/list', { ids: [Number(restricted?.id)] }, 'apiUser');
    expect(listed.body.values).toEqual([]);
  });

  it('renders comment bodies as HTML only when expanded', async () => {
    const comment = t.sim.control.groundTruth().comments.find((candidate) => !candidate.visibility && candidate.acl.readers?.includes(t.sim.credentials.admin.accountId));
    const plain = await call(api(`/issue/${comment?.issueId ?? ''}/comment/${comment?.id ?? ''}`), { headers: as(t.sim, 'admin') });
    const rendered = await call(api(`/issue/${comment?.issueId ?? ''}/comment/${comment?.id ?? ''}?expand=renderedBody`), { headers: as(t.sim, 'admin') });
    expect(plain.body.renderedBody).toBeUndefined();
    expect(rendered.body.renderedBody).toContain('<p>');
  });

  it('pages an issue changelog oldest first', async () => {
    const issue = t.sim.control.groundTruth().issues.find((candidate) => candidate.acl.readers?.includes(t.sim.credentials.admin.accountId) && (t.sim.control.site().issues.get(candidate.id)?.changelog.length ?? 0) >= 2);
    const reply = await call(api(`/issue/${issue?.id ?? ''}/changelog`), { headers: as(t.sim, 'admin') });
    const created = reply.body.values.map((history: { created: string }) => history.created);
    expect(reply.body.isLast).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(2);
    expect(new Date(created[0].replace(/(\d{2})(\d{2})$/, '$1:$2')).getTime()).toBeLessThanOrEqual(new Date(created[1].replace(/(\d{2})(\d{2})$/, '$1:$2')).getTime());
  });

  it('bulk-fetches changelogs with token paging', async () => {
    const ids = t.sim.control.groundTruth().issues.slice(0, 20).map((issue) => issue.id);
    const first = await postJson('/changelog/bulkfetch', { issueIdsOrKeys: ids, maxResults: 5 });
    expect(first.body.issueChangeLogs.flatMap((log: { changeHistories: unknown[] }) => log.changeHistories)).toHaveLength(5);
    const second = await postJson('/changelog/bulkfetch', { issueIdsOrKeys: ids, maxResults: 5, nextPageToken: first.body.nextPageToken });
    expect(second.status).toBe(200);
    const historyIds = (body: { issueChangeLogs: Array<{ issueId: string; changeHistories: Array<{ id: string }> }> }) =>
      body.issueChangeLogs.flatMap((log) => log.changeHistories.map((history) => `${log.issueId}/${history.id}`));
    // The token moves on: the second page holds histories, none of them already served on the first.
    expect(historyIds(second.body).length).toBeGreaterThan(0);
    expect(historyIds(second.body).filter((id) => historyIds(first.body).includes(id))).toEqual([]);
  });
});

describe('issue links', () => {
  it('shows each link on both issues with Jira link types', async () => {
    const source = [...t.sim.control.site().issues.values()].find((issue) => issue.links.length > 0 && issue.key.startsWith('PLAT-'));
    expect(source).toBeDefined();
    const link = source!.links[0]!;
    const outward = await call(api(`/issue/${source!.id}?fields=issuelinks`), { headers: as(t.sim, 'admin') });
    const inward = await call(api(`/issue/${link.outwardIssueId}?fields=issuelinks`), { headers: as(t.sim, 'admin') });
    const out = outward.body.fields.issuelinks.find((candidate: { id: string }) => candidate.id === link.id);
    const back = inward.body.fields.issuelinks.find((candidate: { id: string }) => candidate.id === link.id);
    expect(out.outwardIssue.id).toBe(link.outwardIssueId);
    expect(back.inwardIssue.id).toBe(source!.id);
    expect(back.type).toEqual(out.type);
    const known = new Map([['Blocks', ['10000', 'is blocked by', 'blocks']], ['Cloners', ['10001', 'is cloned by', 'clones']], ['Duplicate', ['10002', 'is duplicated by', 'duplicates']], ['Relates', ['10003', 'relates to', 'relates to']]]);
    expect([out.type.id, out.type.inward, out.type.outward]).toEqual(known.get(out.type.name));
  });

  it('uses Jira link types across the site, each with its own id', async () => {
    const types = new Map<string, string>();
    for (const issue of t.sim.control.site().issues.values()) for (const link of issue.links) types.set(link.type, link.id);
    const reply = await call(api('/search/jql?jql=project%20in%20(PLAT,SEC,HELP)&fields=issuelinks&maxResults=100'), { headers: as(t.sim, 'admin') });
    const ids = new Map<string, string>();
    for (const issue of reply.body.issues) for (const link of issue.fields.issuelinks) ids.set(link.type.name, link.type.id);
    expect(new Set(ids.values()).size).toBe(ids.size);
    expect([...ids.keys()].every((name) => ['Blocks', 'Cloners', 'Duplicate', 'Relates'].includes(name))).toBe(true);
  });
});

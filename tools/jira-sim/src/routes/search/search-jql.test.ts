import { describe, expect, it } from 'vitest';
import { LEGACY_SEARCH_GONE } from './legacy-search.route.js';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const jql = (text: string) => encodeURIComponent(text);
const post = (body: unknown, headers: Record<string, string> = {}) =>
  call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('enhanced search (search/jql)', () => {
  it('returns ids only by default: no fields object, no total', async () => {
    const reply = await call(api(`/search/jql?jql=${jql('project = PLAT')}&maxResults=3`), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.issues[0])).toEqual(['id']);
    expect(reply.body.total).toBeUndefined();
    expect(reply.body.isLast).toBe(false);
    expect(typeof reply.body.nextPageToken).toBe('string');
  });

  it('returns exactly the requested fields', async () => {
    const reply = await call(api(`/search/jql?jql=${jql('project = PLAT')}&fields=summary&maxResults=2`), { headers: as(t.sim, 'admin') });
    expect(Object.keys(reply.body.issues[0].fields)).toEqual(['summary']);
  });

  it('pages with nextPageToken until isLast, without duplicates, and omits the token on the last page', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const reply = await post({ jql: 'project in (PLAT, SEC, HELP) ORDER BY updated ASC', maxResults: 7, ...(token ? { nextPageToken: token } : {}) });
      seen.push(...reply.body.issues.map((issue: { id: string }) => issue.id));
      token = reply.body.nextPageToken as string | undefined;
      if (reply.body.isLast) {
        expect(token).toBeUndefined();
        break;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const admin = t.sim.credentials.admin.accountId;
    expect(seen.length).toBe(t.sim.control.groundTruth().issues.filter((issue) => issue.acl.readers?.includes(admin)).length);
  });

  it('refuses maxResults outside 1..5000 with 400', async () => {
    for (const value of [0, -1, 5001]) {
      const reply = await call(api(`/search/jql?jql=${jql('project = PLAT')}&maxResults=${value}`), { headers: as(t.sim, 'admin') });
      expect(reply.status).toBe(400);
      expect(reply.body.errorMessages[0]).toMatch(/1 and 5000/);
    }
  });

  it('treats exclusions alone as navigable fields minus those', async () => {
    const reply = await call(api(`/search/jql?jql=${jql('project = PLAT')}&fields=-description&maxResults=1`), { headers: as(t.sim, 'admin') });
    expect(reply.body.issues[0].fields).toHaveProperty('summary');
    expect(reply.body.issues[0].fields).not.toHaveProperty('description');
  });

  it('returns keys without a fields object for fields=key', async () => {
    const reply = await call(api(`/search/jql?jql=${jql('project = PLAT')}&fields=key&maxResults=2`), { headers: as(t.sim, 'admin') });
    expect(reply.body.issues[0].key).toMatch(/^PLAT-/);
    expect(reply.body.issues[0].fields).toBeUndefined();
  });

  it('caps pages at 100 when fields are requested', async () => {
    const reply = await post({ jql: 'created >= 0', maxResults: 500, fields: ['summary'] });
    expect(reply.body.issues.length).toBeLessThanOrEqual(100);
  });

  it('refuses unbounded queries, including ORDER BY alone', async () => {
    for (const text of ['', 'order by created']) {
      const reply = await post({ jql: text });
      expect(reply.status).toBe(400);
      expect(reply.body.errorMessages).toEqual(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
    }
  });

  it('treats bare words as a text search answering 200', async () => {
    const reply = await post({ jql: 'this is not jql' });
    expect(reply.status).toBe(200);
    expect(reply.body.issues).toEqual([]);
  });

  it('rejects a malformed page token with 400 before looking at maxResults', async () => {
    const reply = await post({ jql: 'project = PLAT', nextPageToken: 'BOGUS', maxResults: 0 });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toContain('BOGUS');
  });

  it('reads only the body on POST and ignores query parameters', async () => {
    const reply = await call(api(`/search/jql?jql=${jql('project = PLAT')}`), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toMatch(/Unbounded/);
  });

  it('answers 415 problem+json without a JSON content type', async () => {
    const reply = await call(api('/search/jql'), { method: 'POST', headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(415);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toEqual({ title: 'Unsupported Media Type', detail: "Content-Type 'null' is not supported.", instance: '/rest/api/3/search/jql' });
  });

  it('answers 400 for unknown or ill-typed body properties', async () => {
    expect((await post({ jql: 'project = PLAT', startAt: 5 })).status).toBe(400);
    expect((await post({ jql: 'project = PLAT', maxResults: 'abc' })).status).toBe(400);
    expect((await post({ jql: ['project = PLAT'] })).status).toBe(400);
  });

  it('hides issues behind a security level the caller is not in, and GET issue says 404', async () => {
    const truth = t.sim.control.groundTruth();
    const hidden = truth.issues.find((issue) => issue.securityLevelId && !issue.acl.readers?.includes(t.sim.credentials.admin.accountId));
    expect(hidden).toBeDefined();
    const search = await post({ jql: `project = SEC`, maxResults: 5000 });
    expect(search.body.issues.map((issue: { id: string }) => issue.id)).not.toContain(hidden?.id);
    const direct = await call(api(`/issue/${hidden?.key ?? ''}`), { headers: as(t.sim, 'admin') });
    expect(direct.status).toBe(404);
  });

  it('returns exactly the issues the ground truth says the caller can read', async () => {
    const me = t.sim.credentials.apiUser.accountId;
    const expected = t.sim.control.groundTruth().issues.filter((issue) => issue.acl.readers?.includes(me)).map((issue) => issue.id).sort();
    const reply = await post({ jql: 'created >= 0', maxResults: 5000 }, as(t.sim, 'apiUser'));
    expect(reply.body.issues.map((issue: { id: string }) => issue.id).sort()).toEqual(expected);
  });

  it('interprets date literals in the caller time zone (America/Los_Angeles for the API user)', async () => {
    const issue = t.sim.control.groundTruth().issues[5];
    const instant = new Date(issue?.updated ?? 0);
    const pacific = new Date(instant.getTime() - 8 * 3_600_000);
    const literal = `${pacific.toISOString().slice(0, 10)} ${pacific.toISOString().slice(11, 16)}`;
    const reply = await post({ jql: `key = ${issue?.key ?? ''} AND updated >= "${literal}"` });
    expect(reply.status).toBe(200);
  });

  it('truncates embedded comments while keeping the true total', async () => {
    const busy = t.sim.control.groundTruth().issues.find((issue) => issue.acl.readers?.includes(t.sim.credentials.admin.accountId) && (t.sim.control.site().issues.get(issue.id)?.commentIds.length ?? 0) > 0);
    const reply = await post({ jql: `key = ${busy?.key ?? ''}`, fields: ['comment'] });
    const comment = reply.body.issues[0].fields.comment;
    expect(comment.total).toBeGreaterThanOrEqual(comment.comments.length);
  });

  it('counts approximately with a bounded query', async () => {
    const reply = await call(api('/search/approximate-count'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql: 'project = HELP' }) });
    expect(reply.body.count).toBe(t.sim.control.groundTruth().issues.filter((issue) => issue.key.startsWith('HELP-')).length);
  });

  it('answers the removed legacy search with 410 and the CHANGE-2046 sentence', async () => {
    const get = await call(api(`/search?jql=${jql('project = PLAT')}`), { headers: as(t.sim, 'admin') });
    const postLegacy = await call(api('/search'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: '{}' });
    expect(get.status).toBe(410);
    expect(get.body.errorMessages).toEqual([LEGACY_SEARCH_GONE]);
    expect(postLegacy.status).toBe(410);
  });
});

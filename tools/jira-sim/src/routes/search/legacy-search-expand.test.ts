import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../../testing/test-simulator.test-support.js';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator({ legacySearch: true });
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const legacy = (query: string, who: 'apiUser' | 'admin' = 'admin') => call(api(`/search?jql=${encodeURIComponent('project in (PLAT, SEC, HELP) ORDER BY key ASC')}&${query}`), { headers: as(t.sim, who) });
const RENDERED_DATE = /^\d{2}\/[A-Z][a-z]{2}\/\d{2} \d{1,2}:\d{2} (AM|PM)$/;
const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function firstText(node: Json): string | undefined {
  if (node?.type === 'text' && typeof node.text === 'string' && node.text.trim() !== '') return node.text;
  for (const child of node?.content ?? []) {
    if (child.type === 'extension' || child.type === 'inlineExtension') continue;
    const found = firstText(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

afterEach(() => t.sim.control.faults.clear());

describe('legacy search expand=renderedFields', () => {
  it('renders ADF descriptions and comment bodies to HTML, dates for display, and null where Jira has no renderer', async () => {
    const reply = await legacy('fields=summary,description,comment,created,updated&expand=renderedFields&maxResults=20');
    expect(reply.status).toBe(200);
    expect(reply.body.issues.length).toBeGreaterThan(5);
    let comments = 0;
    for (const issue of reply.body.issues) {
      const rendered = issue.renderedFields;
      expect(Object.keys(rendered).sort()).toEqual(['comment', 'created', 'description', 'summary', 'updated']);
      expect(rendered.summary).toBeNull();
      expect(rendered.created).toMatch(RENDERED_DATE);
      expect(rendered.updated).toMatch(RENDERED_DATE);
      expect(typeof rendered.description).toBe('string');
      expect(rendered.description).toMatch(/^<(p|h\d|ul|ol|div|blockquote|hr)/);
      expect(rendered.description).toContain(escape(firstText(issue.fields.description) ?? '\u0000'));
      expect(rendered.comment.total).toBe(issue.fields.comment.total);
      expect(rendered.comment.comments.map((comment: { id: string }) => comment.id)).toEqual(issue.fields.comment.comments.map((comment: { id: string }) => comment.id));
      issue.fields.comment.comments.forEach((comment: Json, index: number) => {
        const html = rendered.comment.comments[index];
        expect(html.body).toContain(escape(firstText(comment.body) ?? '\u0000'));
        expect(html.created).toMatch(RENDERED_DATE);
        comments += 1;
      });
    }
    expect(comments).toBeGreaterThan(0);
  });

  it('shows embedded images as the attachment content the caller may read', async () => {
    const reply = await legacy('fields=description,attachment&expand=renderedFields&maxResults=100');
    const withImage = reply.body.issues.filter((issue: Json) => String(issue.renderedFields.description).includes('<img '));
    expect(withImage.length).toBeGreaterThan(0);
    for (const issue of withImage) {
      const sources = [...String(issue.renderedFields.description).matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
      const contents = issue.fields.attachment.map((attachment: { content: string }) => attachment.content);
      for (const source of sources) expect(contents).toContain(source);
      expect(issue.renderedFields.attachment[0].size).toMatch(/^\d+(\.\d)? (B|kB|MB)$/);
    }
  });

  it('renders dates in the caller profile zone', async () => {
    t.sim.control.clock.set(Date.UTC(2026, 5, 1, 18, 5, 0));
    const issue = t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Rendered dates' });
    const search = (who: 'apiUser' | 'admin') => call(api(`/search?jql=${encodeURIComponent(`key = ${issue.key}`)}&fields=created&expand=renderedFields`), { headers: as(t.sim, who) });
    expect((await search('apiUser')).body.issues[0].renderedFields.created).toBe('01/Jun/26 11:05 AM'); // America/Los_Angeles
    expect((await search('admin')).body.issues[0].renderedFields.created).toBe('01/Jun/26 7:05 PM'); // Europe/London
  });
});

describe('legacy search expand=transitions', () => {
  const expected: Record<string, string[]> = { 'To Do': ['In Progress', 'Done'], 'In Progress': ['To Do', 'Done'], Done: ['To Do'] };

  it('lists the workflow transitions available from each issue status, as IssueTransition', async () => {
    const reply = await legacy('fields=status&expand=transitions&maxResults=100');
    const statuses = new Set<string>();
    for (const issue of reply.body.issues) {
      const status = issue.fields.status.name as string;
      statuses.add(status);
      expect(issue.transitions.map((transition: Json) => transition.to.name)).toEqual(expected[status]);
      for (const transition of issue.transitions) {
        expect(transition).toMatchObject({ hasScreen: false, isGlobal: false, isInitial: false, isAvailable: true, isConditional: false, isLooped: false });
        expect(typeof transition.id).toBe('string');
        expect(typeof transition.name).toBe('string');
        expect(transition.to.statusCategory.key).toMatch(/^(new|indeterminate|done)$/);
      }
    }
    expect([...statuses].sort()).toEqual(['Done', 'In Progress', 'To Do']);
  });

  it('follows a status change, and is left out without the expansion', async () => {
    const issue = t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Moves on' });
    const one = (expand: string) => call(api(`/search?jql=${encodeURIComponent(`key = ${issue.key}`)}&fields=status${expand}`), { headers: as(t.sim, 'admin') });
    expect((await one('&expand=transitions')).body.issues[0].transitions.map((transition: Json) => transition.name)).toEqual(['Start progress', 'Done']);
    t.sim.control.issues.update(issue.key, { status: 'Done' });
    expect((await one('&expand=transitions')).body.issues[0].transitions.map((transition: Json) => transition.name)).toEqual(['Reopen']);
    expect((await one('')).body.issues[0].transitions).toBeUndefined();
  });
});

describe('legacy search cost of expansions', () => {
  it('caps pages with heavy expansions like the enhanced search', async () => {
    expect((await legacy('fields=summary&maxResults=1000')).body.maxResults).toBe(1000);
    expect((await legacy('fields=summary&expand=transitions&maxResults=1000')).body.maxResults).toBe(100);
    expect((await legacy('fields=summary&expand=renderedFields&maxResults=1000')).body.maxResults).toBe(100);
  });

  it('charges OAuth apps for the rendered copy of each issue and each transition listed', async () => {
    t.sim.control.faults.points({ enabled: true, quotaPerHour: 1_000_000, betaOnly: false });
    const tokens = t.sim.control.oauth.issueTokens();
    const base = `${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3`;
    const headers = { authorization: `Bearer ${tokens.access_token}` };
    const remaining = async () => Number(/r=(\d+)/.exec((await call(`${base}/serverInfo`, { headers })).headers.get('ratelimit') ?? '')?.[1]);
    const spend = async (expand: string) => {
      const before = await remaining(); // serverInfo itself costs one point, charged after its headers are written
      const reply = await call(`${base}/search?jql=${encodeURIComponent('project = PLAT ORDER BY key ASC')}&fields=summary&maxResults=10${expand}`, { headers });
      expect(reply.status).toBe(200);
      return { points: before - (await remaining()) - 1, issues: reply.body.issues as Json[] };
    };
    const plain = await spend('');
    const expanded = await spend('&expand=renderedFields,transitions');
    expect(plain.issues).toHaveLength(10);
    expect(plain.points).toBe(1 + 10);
    const transitions = expanded.issues.reduce((sum: number, issue: Json) => sum + (issue.transitions as unknown[]).length, 0);
    expect(transitions).toBeGreaterThan(0);
    expect(expanded.points).toBe(1 + 10 + 10 + transitions);
  });
});

describe('other issue endpoints share the renderings', () => {
  it('serves renderedFields and transitions on search/jql, as Airbyte requests them', async () => {
    const reply = await call(api('/search/jql'), {
      method: 'POST',
      headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'project = PLAT', fields: ['description', 'status'], expand: 'renderedFields,transitions', maxResults: 3 }),
    });
    expect(reply.body.issues).toHaveLength(3);
    for (const issue of reply.body.issues) {
      expect(issue.renderedFields.description).toContain('<p>');
      expect(issue.transitions.length).toBeGreaterThan(0);
    }
  });
});

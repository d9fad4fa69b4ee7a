import { describe, expect, it } from 'vitest';
import { buildSyncJql } from '../jql/sync-jql.js';
import { collect } from '../paginate.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';

const h = useJiraSimulator();

const paragraph = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('issues, comments, changelogs and attachments against the simulator', () => {
  it('pages ids only through enhanced search and fetches the issues in batches', async () => {
    const client = h.apiTokenClient('admin');
    const project = h.sim.control.groundTruth().projects[0]!;
    const truth = h.sim.control.groundTruth().issues.filter((i) => i.projectId === project.id);
    const ids = await collect(client.searchIssueIds({ jql: buildSyncJql({ projectsIn: [project.key] }), maxResults: 7 }));
    expect(ids.sort()).toEqual(truth.map((i) => i.id).sort());
    const { issues, missing } = await client.bulkFetchIssues([...ids, '99999999'], { fields: ['summary', 'updated'] });
    expect(issues.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(missing).toEqual(['99999999']);
    expect(issues.every((i) => typeof i.fields?.summary === 'string')).toBe(true);
  });

  it('searches with fields, expand and reconcileIssues, and counts approximately', async () => {
    const client = h.apiTokenClient('admin');
    const project = h.sim.control.groundTruth().projects[0]!;
    const jql = buildSyncJql({ projectsIn: [project.key] });
    const issues = await collect(client.searchIssues({ jql, fields: ['summary'], expand: ['names'], maxResults: 5, reconcileIssues: [] }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => Object.keys(i.fields ?? {}).join() === 'summary')).toBe(true);
    expect(await client.approximateCount(jql)).toBe(issues.length);
  });

  it('resumes a search from the token of a page it handed out, reading only the pages after it', async () => {
    const client = h.apiTokenClient('admin');
    const project = h.sim.control.groundTruth().projects[0]!;
    const jql = buildSyncJql({ projectsIn: [project.key] });
    const pages = await collect(client.searchIssuePages({ jql, fields: ['summary'], maxResults: 2 }));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)!.nextPageToken).toBeUndefined();
    const resumed = await collect(client.searchIssuePages({ jql, fields: ['summary'], maxResults: 2, startToken: pages[0]!.nextPageToken! }));
    expect(resumed.flatMap((page) => page.values.map((issue) => issue.id))).toEqual(pages.slice(1).flatMap((page) => page.values.map((issue) => issue.id)));
  });

  it('sees its own fresh write despite search lag when the issue is passed in reconcileIssues', async () => {
    const client = h.apiTokenClient('admin');
    const project = h.sim.control.groundTruth().projects[0]!;
    h.sim.control.search.setLagMs(60_000);
    try {
      const issue = h.sim.control.issues.create({ projectKey: project.key, summary: 'just written' });
      const jql = buildSyncJql({ projectsIn: [project.key] });
      expect(await collect(client.searchIssueIds({ jql }))).not.toContain(issue.id);
      expect(await collect(client.searchIssueIds({ jql, reconcileIssues: [Number(issue.id)] }))).toContain(issue.id);
    } finally {
      h.sim.control.search.setLagMs(0);
    }
  });

  it('reads every comment page and the full changelog of an issue', async () => {
    const client = h.apiTokenClient('admin');
    const issue = h.sim.control.groundTruth().issues[0]!;
    for (let i = 0; i < 5; i++) h.sim.control.comments.add(issue.id, { body: paragraph(`comment ${i}`) });
    h.sim.control.issues.update(issue.id, { summary: 'renamed once' });
    const expected = h.sim.control.groundTruth().comments.filter((c) => c.issueId === issue.id).map((c) => c.id);
    const comments = await collect(client.comments(issue.key, { pageSize: 2 }));
    expect(comments.map((c) => c.id).sort()).toEqual(expected.sort());
    const history = await collect(client.changelog(issue.key, { pageSize: 2 }));
    expect(history.length).toBe(h.sim.control.site().issues.get(issue.id)!.changelog.length);
    const bulk = await collect(client.bulkChangelogs([issue.id]));
    expect(bulk.flatMap((b) => b.changeHistories).length).toBe(history.length);
  });

  it('reads attachment metadata and streams the content through the media redirect', async () => {
    const client = h.apiTokenClient('admin');
    const issue = h.sim.control.groundTruth().issues[0]!;
    const added = h.sim.control.attachments.add(issue.id, { filename: 'notes.txt', mimeType: 'text/plain', size: 300 });
    const meta = await client.attachmentMetadata(added.id);
    expect(meta).toMatchObject({ id: added.id, filename: 'notes.txt', size: 300 });
    const content = await client.downloadAttachment(added.id, { maxBytes: 10_000 });
    expect((await readAll(content.body)).length).toBe(300);
    await expect(client.downloadAttachment(added.id, { maxBytes: 100 }).then((c) => readAll(c.body))).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('reads audit records page by page', async () => {
    const records = await collect(h.apiTokenClient('admin').auditRecords({ pageSize: 5 }));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBe(h.sim.control.site().audit.length);
  });
});

import { Version3Client } from 'jira.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
let client: Version3Client;

beforeAll(() => {
  const site = t.sim.sites[0];
  client = new Version3Client({ host: site?.siteUrl ?? '', authentication: { basic: { email: t.sim.credentials.admin.email, apiToken: t.sim.credentials.admin.apiToken } } });
});

describe('jira.js 5.4.0 against the demo preset', () => {
  it('reads the current user and all users', async () => {
    const me = await client.myself.getCurrentUser();
    expect(me.accountId).toBe(t.sim.credentials.admin.accountId);
    const users = await client.users.getAllUsers({ startAt: 0, maxResults: 1000 });
    expect(users.length).toBeGreaterThan(20);
  });

  it('reads projects', async () => {
    const page = await client.projects.searchProjects({ expand: 'description,lead' });
    expect(page.values.map((project) => project.key)).toEqual(['HELP', 'PLAT', 'SEC']);
  });

  it('pages issues with enhanced search', async () => {
    const ids: string[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project in (PLAT, SEC, HELP) ORDER BY key ASC', fields: ['summary', 'updated', 'comment', 'attachment'], maxResults: 25, nextPageToken });
      ids.push(...(page.issues ?? []).map((issue) => issue.id));
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(t.sim.control.groundTruth().issues.filter((issue) => issue.acl.readers?.includes(t.sim.credentials.admin.accountId)).length);
  });

  it('reads comments and attachments', async () => {
    const truth = t.sim.control.groundTruth();
    const attachment = truth.attachments.find((candidate) => candidate.acl.readers?.includes(t.sim.credentials.admin.accountId));
    const comments = await client.issueComments.getComments({ issueIdOrKey: attachment?.issueId ?? '' });
    expect(comments.total).toBe(comments.comments?.length);
    const metadata = await client.issueAttachments.getAttachment({ id: attachment?.id ?? '' });
    expect(metadata.filename).toBe(attachment?.filename);
    const content = await client.issueAttachments.getAttachmentContent({ id: attachment?.id ?? '' });
    expect(Buffer.from(content as unknown as ArrayBuffer).length).toBe(attachment?.size);
  });
});

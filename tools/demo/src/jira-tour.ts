import { adfToMarkdown } from '@jira-sync/adf';
import { buildSyncJql, collect, createApiTokenClient } from '@jira-sync/jira-client';
import type { JiraSimulator } from '@jira-sync/jira-sim';

/** What the demo learned from the simulated Jira site, read through the same client the worker uses. */
export interface JiraTour {
  siteUrl: string;
  apiUser: { email: string; timeZone: string | undefined };
  users: number;
  usersWithHiddenEmail: number;
  projects: string[];
  issues: number;
  sample: { key: string; summary: string; markdownPreview: string; mentions: number; mediaIds: number } | undefined;
}

/** Reads users, projects and issues from the simulator's first site as its API-token user. */
export async function tourJira(sim: JiraSimulator): Promise<JiraTour> {
  const site = sim.sites[0];
  if (!site) throw new Error('the simulator has no site');
  const { email, apiToken } = sim.credentials.apiUser;
  const jira = createApiTokenClient({ siteUrl: site.siteUrl, email, apiToken, allowInsecureLoopback: true });
  const me = await jira.verifyCredentials();
  const users = await collect(jira.users());
  const projects = await collect(jira.projects());
  const jql = buildSyncJql({ projectsIn: projects.map((project) => project.key) });
  const issues = await collect(jira.searchIssues({ jql, fields: ['summary', 'description'] }));
  const withDescription = issues.find((issue) => issue.fields?.['description']);
  const converted = withDescription ? adfToMarkdown(withDescription.fields?.['description']) : undefined;
  return {
    siteUrl: site.siteUrl,
    apiUser: { email, timeZone: me.timeZone ?? undefined },
    users: users.length,
    usersWithHiddenEmail: users.filter((user) => !user.emailAddress).length,
    projects: projects.map((project) => project.key),
    issues: issues.length,
    sample:
      withDescription && converted
        ? {
            key: withDescription.key ?? withDescription.id,
            summary: String(withDescription.fields?.['summary'] ?? ''),
            markdownPreview: converted.markdown.split('\n').slice(0, 8).join('\n'),
            mentions: converted.mentions.length,
            mediaIds: converted.mediaIds.length,
          }
        : undefined,
  };
}

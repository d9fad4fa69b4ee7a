import { JiraError } from '@jira-sync/jira-client';
import { Context } from '@temporalio/activity';
import { openRunConnector } from '../projects/run-access.js';
import type { TActivityDeps } from './activity-deps.js';
import { projectIssuesJql } from './sync-project-issues.activity.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

export interface TCountProjectIssuesInput extends TSyncStepInput {
  projects: Array<{ id: string; key: string }>;
}

export interface TCountProjectIssuesResult {
  /** The connector's site, for the run's memo (the Temporal UI shows it beside the ids). */
  siteUrl: string;
  /** Per project, in input order: Jira's approximate count under the connector's filters; null when Jira would not say. */
  estimates: Array<{ projectKey: string; issues: number | null }>;
}

/**
 * Before the issues step: Jira's approximate count of each project's issues (POST /search/approximate-count with the
 * same JQL the issues step pages), so progress reads "done of about N" while the projects run. Only an estimate: a
 * project Jira will not count is `null`, not a failed sync; the issues step reports what is really wrong with it.
 */
export function createCountProjectIssues(deps: TActivityDeps) {
  return async function countProjectIssues(input: TCountProjectIssuesInput): Promise<TCountProjectIssuesResult> {
    return mapFailures(async () => {
      const { client, config } = await openRunConnector(deps, input);
      const estimates: TCountProjectIssuesResult['estimates'] = [];
      for (const project of input.projects) {
        let issues: number | null;
        try {
          issues = await client.approximateCount(projectIssuesJql(project.id, config.syncFilters));
        } catch (error) {
          if (!(error instanceof JiraError) || error.retryable) throw error;
          issues = null;
        }
        estimates.push({ projectKey: project.key, issues });
        Context.current().heartbeat({ counted: estimates.length });
      }
      return { siteUrl: config.siteUrl, estimates };
    });
  };
}

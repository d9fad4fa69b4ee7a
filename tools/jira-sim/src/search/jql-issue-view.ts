/** Adapts simulator issues to the JQL evaluator's JqlIssue (searchable text computed only when a query asks). */
import { commentBodyOf, descriptionOf, plainText } from '../content/issue-content.js';
import type { JqlIssue } from '../jql/index.js';
import type { SiteState } from '../model/site-state.js';
import type { Issue } from '../model/types.js';

export interface IssueView extends JqlIssue {
  readonly issue: Issue;
}

export function toJqlIssue(site: SiteState, issue: Issue, projectKeys: Map<string, string>): IssueView {
  let text: string | undefined;
  return {
    issue,
    id: issue.id,
    key: issue.key,
    projectId: issue.projectId,
    projectKey: projectKeys.get(issue.projectId) ?? '',
    created: issue.created,
    updated: issue.updated,
    summary: issue.summary,
    get text(): string {
      if (text === undefined) {
        const comments = issue.commentIds.map((id) => site.comments.get(id)).filter((comment) => comment !== undefined);
        text = [plainText(descriptionOf(site, issue)), ...comments.map((comment) => plainText(commentBodyOf(site, comment)))].join('\n');
      }
      return text;
    },
  };
}

/** Worklog JSON as Jira serves it, alone (issue/{id}/worklog) and embedded in `fields.worklog`. */
import type { Worklog } from '../content/worklogs.js';
import { EMBEDDED_WORKLOG_LIMIT, timeSpentText, worklogsOf } from '../content/worklogs.js';
import type { Issue } from '../model/types.js';
import { userRef } from './user.serializer.js';
import type { ViewContext } from './view-context.js';
import { time } from './view-context.js';

export function serializeWorklog(view: ViewContext, worklog: Worklog): Record<string, unknown> {
  return {
    self: `${view.siteUrl}/rest/api/3/issue/${worklog.issueId}/worklog/${worklog.id}`,
    author: userRef(view, worklog.authorAccountId),
    updateAuthor: userRef(view, worklog.authorAccountId),
    comment: worklog.comment,
    created: time(view, worklog.created),
    updated: time(view, worklog.updated),
    started: time(view, worklog.started),
    timeSpent: timeSpentText(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: worklog.id,
    issueId: worklog.issueId,
  };
}

/** `fields.worklog`: the first 20 worklogs and the true `total`; absent while the site has worklogs off. */
export function embeddedWorklogs(view: ViewContext, issue: Issue): unknown {
  if (!view.site.worklogs) return undefined;
  const all = worklogsOf(view.site, issue);
  const shown = all.slice(0, EMBEDDED_WORKLOG_LIMIT);
  return { startAt: 0, maxResults: EMBEDDED_WORKLOG_LIMIT, total: all.length, worklogs: shown.map((worklog) => serializeWorklog(view, worklog)) };
}

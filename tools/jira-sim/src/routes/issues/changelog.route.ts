/** GET issue changelog (PageBean, oldest first) and POST changelog/bulkfetch (token paging, date then issue order). */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { findIssue } from '../../model/site-state.js';
import type { ChangeHistory, Issue } from '../../model/types.js';
import { canSeeIssue } from '../../permissions/access.js';
import { decodePageToken, encodePageToken, fingerprint } from '../../search/page-token.js';
import { serializeHistory } from '../../serializers/changelog.serializer.js';
import { jsonBody, viewOf } from '../route-helpers.js';
import { visibleIssue } from './visible-issue.js';

export const issueChangelogRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/changelog',
  scope: 'read:jira-work',
  handler: (request) => {
    const issue = visibleIssue(request);
    const { startAt, maxResults } = pageParams(request.query, 100, 100);
    const view = viewOf(request);
    const body = pageBean(request, issue.changelog, startAt, maxResults, (history) => serializeHistory(view, history));
    return { status: 200, body, cost: { objects: body.values.length } };
  },
};

export const changelogBulkfetchRoute: RouteDef = {
  method: 'POST',
  path: '/rest/api/3/changelog/bulkfetch',
  scope: 'read:jira-work',
  handler: (request) => {
    const body = (jsonBody(request) ?? {}) as { issueIdsOrKeys?: unknown; fieldIds?: unknown; maxResults?: unknown; nextPageToken?: unknown };
    const refs = Array.isArray(body.issueIdsOrKeys) ? body.issueIdsOrKeys.map(String) : [];
    if (refs.length === 0 || refs.length > 1000) throw HttpError.jira(400, 'issueIdsOrKeys must contain between 1 and 1000 issue IDs or keys.');
    const fieldIds = Array.isArray(body.fieldIds) ? body.fieldIds.map(String) : [];
    if (fieldIds.length > 10) throw HttpError.jira(400, 'fieldIds can contain at most 10 field IDs.');
    const maxResults = typeof body.maxResults === 'number' ? body.maxResults : 1000;
    if (maxResults < 1 || maxResults > 10_000) throw HttpError.jira(400, 'maxResults must be between 1 and 10000.');
    const issues = new Map<string, Issue>();
    for (const ref of refs) {
      const issue = findIssue(request.site, ref);
      if (issue && canSeeIssue(request.site, request.caller.user, issue)) issues.set(issue.id, issue);
    }
    const rows: Array<{ issueId: string; history: ChangeHistory }> = [];
    for (const issue of issues.values()) {
      for (const history of issue.changelog) {
        const items = fieldIds.length === 0 ? history.items : history.items.filter((item) => fieldIds.includes(item.fieldId));
        if (items.length > 0) rows.push({ issueId: issue.id, history: { ...history, items } });
      }
    }
    rows.sort((left, right) => left.history.created - right.history.created || Number(left.issueId) - Number(right.issueId));
    const queryId = fingerprint([refs, fieldIds, request.caller.user?.accountId ?? '']);
    const offset = decodePageToken(body.nextPageToken, queryId);
    const page = rows.slice(offset, offset + maxResults);
    const view = viewOf(request);
    const grouped: Array<{ issueId: string; changeHistories: Record<string, unknown>[] }> = [];
    for (const row of page) {
      const last = grouped.at(-1);
      if (last && last.issueId === row.issueId) last.changeHistories.push(serializeHistory(view, row.history));
      else grouped.push({ issueId: row.issueId, changeHistories: [serializeHistory(view, row.history)] });
    }
    const more = offset + page.length < rows.length;
    return { status: 200, body: { issueChangeLogs: grouped, ...(more ? { nextPageToken: encodePageToken(queryId, offset + page.length) } : {}) }, cost: { objects: page.length } };
  },
};

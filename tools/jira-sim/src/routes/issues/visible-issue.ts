/** Resolves an issue id/key the caller can see (moved keys resolve; invisible looks exactly like missing). */
import { HttpError } from '../../http/http-error.js';
import { issueNotFound } from '../../http/replies.js';
import type { SimRequest } from '../../http/route-types.js';
import { findIssue } from '../../model/site-state.js';
import type { Issue } from '../../model/types.js';
import { canSeeIssue } from '../../permissions/access.js';

export function visibleIssue(request: SimRequest, idOrKey = request.params.issueIdOrKey ?? ''): Issue {
  const issue = findIssue(request.site, idOrKey);
  if (!issue || !canSeeIssue(request.site, request.caller.user, issue)) throw new HttpError(issueNotFound());
  return issue;
}

/** Jira's reply shapes: ErrorCollection, paging envelopes and small helpers. */
import type { SimReply } from './route-types.js';

/** `{"errorMessages":[...],"errors":{}}` with a status. */
export function errorReply(status: number, messages: string[], errors: Record<string, string> = {}): SimReply {
  return { status, body: { errorMessages: messages, errors } };
}

export function json(body: unknown, status = 200, cost?: SimReply['cost']): SimReply {
  return { status, body, ...(cost ? { cost } : {}) };
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const ADMIN_REQUIRED = 'You are not authorized to perform this action. Administrator privileges are required.';

export function issueNotFound(): SimReply {
  return errorReply(404, [ISSUE_NOT_FOUND]);
}

export function projectNotFound(key: string): SimReply {
  return errorReply(404, [`No project could be found with key '${key}'.`]);
}

/** 401 for calls that need a logged-in user but are anonymous. */
export function notLoggedIn(): SimReply {
  return errorReply(401, ['You are not authenticated. Authentication required to perform this operation.']);
}

export function forbiddenAdmin(): SimReply {
  return errorReply(403, [ADMIN_REQUIRED]);
}

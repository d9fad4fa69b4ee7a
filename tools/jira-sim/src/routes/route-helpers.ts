/** Small helpers shared by route handlers. */
import { HttpError } from '../http/http-error.js';
import { notLoggedIn } from '../http/replies.js';
import type { SimRequest } from '../http/route-types.js';
import type { User } from '../model/types.js';
import { isAdmin } from '../permissions/access.js';
import type { SiteRuntime } from '../runtime/sim-runtime.js';
import type { ViewContext } from '../serializers/view-context.js';
import { viewContext } from '../serializers/view-context.js';

export function viewOf(request: SimRequest): ViewContext {
  return viewContext(request.site, request.siteUrl, request.caller.user);
}

/** The logged-in caller, or a 401 for anonymous calls to endpoints that need an account. */
export function requireUser(request: SimRequest): User {
  if (!request.caller.user) throw new HttpError(notLoggedIn());
  return request.caller.user;
}

/** Administer Jira, or 403 with Jira's administrator sentence. */
export function requireAdmin(request: SimRequest): User {
  const user = requireUser(request);
  if (!isAdmin(request.site, user)) throw HttpError.jira(403, 'You are not authorized to perform this action. Administrator privileges are required.');
  return user;
}

/** Parses a JSON body; Jira answers malformed JSON with 400. */
export function jsonBody(request: SimRequest): unknown {
  const text = request.rawBody.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw HttpError.jira(400, 'Unexpected character in the request body: the body is not valid JSON.');
  }
}

/** The comma-separated `expand` parameter as a set. */
export function expandOf(request: SimRequest): Set<string> {
  return new Set(
    request.query
      .getAll('expand')
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean),
  );
}

/** The runtime entry (URL, search index) of the request's site. */
export function siteRuntimeOf(request: SimRequest): SiteRuntime {
  const found = request.runtime.sites.find((candidate) => candidate.state === request.site);
  if (!found) throw new Error('request site is not registered');
  return found;
}

/** Enforces `Content-Type: application/json` the way Jira's newer endpoints do (415 problem+json). */
export function requireJsonContent(request: SimRequest): void {
  const type = request.headers['content-type'];
  if (type && /application\/json/i.test(type)) return;
  throw new HttpError({
    status: 415,
    contentType: 'application/problem+json',
    body: { title: 'Unsupported Media Type', detail: `Content-Type '${type ?? 'null'}' is not supported.`, instance: request.path },
  });
}

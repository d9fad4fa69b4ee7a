/**
 * Runs a JQL search for a caller: parse and compile (Jira's 400s), read the eventually consistent index, drop what
 * the caller may not see, sort. Results are cached per caller and query until the site changes.
 */
import { compileJql, JqlError, parseJql } from '../jql/index.js';
import { HttpError } from '../http/http-error.js';
import type { SiteState } from '../model/site-state.js';
import { findIssue } from '../model/site-state.js';
import type { Issue, User } from '../model/types.js';
import { canSeeIssue } from '../permissions/access.js';
import { jqlProjectIds } from '../permissions/project-visibility.js';
import type { SiteRuntime } from '../runtime/sim-runtime.js';
import { SITE_DEFAULT_TIME_ZONE } from '../serializers/view-context.js';
import { toJqlIssue } from './jql-issue-view.js';

const caches = new WeakMap<SiteState, Map<string, { version: number; issues: Issue[] }>>();
const CACHE_LIMIT = 32;

export interface SearchInput {
  jql: string;
  user: User | undefined;
  now: number;
  reconcile: string[];
  /** Parse without the bounded-query rule (approximate count accepts the same queries, legacy search did not care). */
  allowUnbounded?: boolean;
}

/** Compiles the query or throws Jira's 400. */
export function compileFor(site: SiteState, jql: string, user: User | undefined, now: number, allowUnbounded = false) {
  try {
    const query = parseJql(jql, { allowUnbounded });
    const visible = jqlProjectIds(site, user);
    return compileJql(query, {
      timeZone: user?.timeZone ?? SITE_DEFAULT_TIME_ZONE,
      now,
      resolveProject: (value) => {
        const lower = value.toLowerCase();
        for (const project of site.projects.values()) {
          if (!visible.has(project.id)) continue;
          if (project.id === value || project.key.toLowerCase() === lower || project.name.toLowerCase() === lower) return project;
        }
        return undefined;
      },
      // Jira refuses a key that names no issue the caller can see (400, not an empty result).
      issueKeyExists: (key) => {
        const issue = findIssue(site, key);
        return issue !== undefined && canSeeIssue(site, user, issue);
      },
      // A moved issue keeps answering to its old keys in JQL too.
      currentIssueKey: (key) => findIssue(site, key)?.key,
    });
  } catch (error) {
    if (error instanceof JqlError) throw HttpError.jira(400, error.message);
    throw error;
  }
}

/** All matching, visible issues in result order. */
export function runSearch(siteRuntime: SiteRuntime, input: SearchInput): Issue[] {
  const site = siteRuntime.state;
  const compiled = compileFor(site, input.jql, input.user, input.now, input.allowUnbounded);
  const key = `${input.user?.accountId ?? ''}|${input.jql}|${input.reconcile.join(',')}`;
  let cache = caches.get(site);
  if (!cache) {
    cache = new Map();
    caches.set(site, cache);
  }
  const cacheable = !siteRuntime.search.hasPending(input.now) && !/now\(|startOf|endOf|[-+]\d+[yMwdhm]/.test(input.jql);
  const hit = cache.get(key);
  if (cacheable && hit && hit.version === site.version) return hit.issues;
  const projectKeys = new Map([...site.projects.values()].map((project) => [project.id, project.key]));
  const indexed = siteRuntime.search.indexedIssues(site, input.now, new Set(input.reconcile));
  const archived = new Set([...site.projects.values()].filter((project) => project.archived).map((project) => project.id));
  const views = indexed.filter((issue) => !archived.has(issue.projectId) && canSeeIssue(site, input.user, issue)).map((issue) => toJqlIssue(site, issue, projectKeys));
  const issues = views.filter((view) => compiled.matches(view)).sort((left, right) => compiled.compare(left, right)).map((view) => view.issue);
  if (cacheable) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, { version: site.version, issues });
  }
  return issues;
}

/**
 * Worklogs (switch worklogs, issue #11): generated on demand from the site seed and issue id, never stored. About a
 * quarter of the issues carry more than the 20 worklogs `fields.worklog` embeds, so a sync must read them from
 * `GET issue/{id}/worklog`. With the switch off issues have no worklogs (and `fields.worklog` is absent, as before).
 */
import type { SiteState } from '../model/site-state.js';
import type { Issue } from '../model/types.js';
import type { AdfDoc } from '../util/adf-types.js';
import { createSimRng, deriveSeed } from '../util/rng.js';

export interface Worklog {
  id: string;
  issueId: string;
  authorAccountId: string;
  started: number;
  created: number;
  updated: number;
  timeSpentSeconds: number;
  comment: AdfDoc;
}

/** Worklogs `fields.worklog` embeds; `total` keeps the true count. */
export const EMBEDDED_WORKLOG_LIMIT = 20;

/** The issue's worklogs, oldest first (empty unless the site has worklogs on). */
export function worklogsOf(site: SiteState, issue: Issue): Worklog[] {
  if (!site.worklogs) return [];
  const rng = createSimRng(deriveSeed(site.seed, `worklogs:${issue.id}`));
  const count = rng.chance(0.25) ? rng.range(EMBEDDED_WORKLOG_LIMIT + 1, 60) : rng.int(6);
  const span = Math.max(60_000, issue.updated - issue.created);
  const authors = [issue.reporterAccountId, issue.assigneeAccountId ?? issue.reporterAccountId];
  return Array.from({ length: count }, (_, index) => {
    const started = issue.created + Math.floor((span * (index + 1)) / (count + 1));
    return {
      id: String(Number(issue.id) * 1000 + index),
      issueId: issue.id,
      authorAccountId: rng.pick(authors),
      started,
      created: started,
      updated: started,
      timeSpentSeconds: (1 + rng.int(8)) * 1800,
      comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Work log ${index + 1} on ${issue.key}` }] }] },
    };
  });
}

/** Jira's `timeSpent` text for a duration (`1h 30m`, `30m`). */
export function timeSpentText(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : ''].filter(Boolean).join(' ') || '0m';
}

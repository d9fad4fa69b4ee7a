/**
 * Sprints (switch sprintField, issue #11): the Sprint custom field has a different id on each site (Jira creates it
 * when Jira Software is first used), so a sync must find it in GET /field by its schema, never by a fixed id.
 * Values are derived from the issue (two-week sprints counted from a year before the data anchor), never stored.
 */
import { DATA_ANCHOR_MS, DAY_MS } from '../generator/presets.js';
import type { SiteState } from '../model/site-state.js';
import type { Issue } from '../model/types.js';
import { createSimRng, deriveSeed } from '../util/rng.js';

/** Sprint field id per site index (the first site, the second, then further sites). */
export const SPRINT_FIELD_IDS = ['customfield_10020', 'customfield_10104'] as const;
export const SPRINT_CUSTOM_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const SPRINT_MS = 14 * DAY_MS;
const FIRST_SPRINT_MS = DATA_ANCHOR_MS - 365 * DAY_MS;

/** The Sprint field value of an issue: the sprints it ran in (JSON objects as Jira serves them), or null. */
export function sprintsOf(site: SiteState, issue: Issue): unknown {
  if (issue.issueType === 'Epic' || issue.issueType === 'Initiative') return null;
  const rng = createSimRng(deriveSeed(site.seed, `sprint:${issue.id}`));
  if (!rng.chance(0.6)) return null;
  const project = site.projects.get(issue.projectId);
  const boardId = [...site.projects.keys()].indexOf(issue.projectId) + 1;
  const number = Math.max(1, Math.floor((issue.created - FIRST_SPRINT_MS) / SPRINT_MS) + 1);
  const start = FIRST_SPRINT_MS + (number - 1) * SPRINT_MS;
  const end = start + SPRINT_MS;
  const closed = end <= DATA_ANCHOR_MS;
  return [
    {
      id: boardId * 1000 + number,
      name: `${project?.key ?? 'SIM'} Sprint ${number}`,
      state: closed ? 'closed' : 'active',
      boardId,
      goal: '',
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString(),
      ...(closed ? { completeDate: new Date(end).toISOString() } : {}),
    },
  ];
}

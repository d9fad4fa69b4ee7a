/** IssueBean JSON with Jira's field-selection rules (`*all`, `*navigable`, ids, `-exclusions`). */
import type { Issue } from '../model/types.js';
import { serializeHistory } from './changelog.serializer.js';
import type { FieldOptions } from './issue-fields.js';
import { FIELD_CATALOGUE } from './issue-fields.js';
import { renderedFieldsOf, transitionsOf } from './rendered-fields.js';
import type { ViewContext } from './view-context.js';

const ALL_FIELDS = Object.keys(FIELD_CATALOGUE).filter((id) => !FIELD_CATALOGUE[id]?.siteSpecific);
const NAVIGABLE = ALL_FIELDS.filter((id) => FIELD_CATALOGUE[id]?.navigable);
export const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

/** Resolves a `fields` request to the ordered list of field ids to render (empty: no `fields` object). */
export function resolveFields(requested: string[]): string[] {
  const include = new Set<string>();
  const exclude = new Set<string>();
  // Only exclusions (e.g. `-description`) mean "navigable fields except these".
  if (requested.length > 0 && requested.every((token) => token.trim().startsWith('-'))) NAVIGABLE.forEach((id) => include.add(id));
  for (const raw of requested) {
    const token = raw.trim();
    if (token === '*all') ALL_FIELDS.forEach((id) => include.add(id));
    else if (token === '*navigable') NAVIGABLE.forEach((id) => include.add(id));
    else if (token.startsWith('-')) exclude.add(token.slice(1));
    else if (FIELD_CATALOGUE[token]) include.add(token);
  }
  return [...include].filter((id) => !exclude.has(id));
}

export interface IssueRenderOptions extends FieldOptions {
  fields: string[];
  expand: Set<string>;
  /** Number of most recent histories embedded with expand=changelog. */
  changelogLimit: number;
}

/**
 * Points-quota objects of serialized issues: each issue, once more for its rendered copy (`renderedFields`), and each
 * transition listed (`transitions`), so expanded pages cost what their heavier replies carry [U].
 */
export function issueCost(issues: ReadonlyArray<Record<string, unknown>>): number {
  let objects = 0;
  for (const issue of issues) {
    objects += 1;
    if (issue.renderedFields !== undefined) objects += 1;
    if (Array.isArray(issue.transitions)) objects += issue.transitions.length;
  }
  return objects;
}

/** Renders one issue. */
export function serializeIssue(view: ViewContext, issue: Issue, options: IssueRenderOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${view.siteUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (options.fields.length > 0) {
    const fields: Record<string, unknown> = {};
    for (const id of options.fields) {
      const value = FIELD_CATALOGUE[id]?.render(view, issue, options);
      if (value !== undefined) fields[id] = value;
    }
    out.fields = fields;
  }
  if (options.expand.has('names')) out.names = Object.fromEntries(options.fields.map((id) => [id, FIELD_CATALOGUE[id]?.name ?? id]));
  if (options.expand.has('renderedFields')) out.renderedFields = renderedFieldsOf(view, issue, options.fields, options);
  if (options.expand.has('transitions')) out.transitions = transitionsOf(view, issue);
  if (options.expand.has('changelog')) {
    const histories = issue.changelog.slice(-options.changelogLimit);
    out.changelog = { startAt: 0, maxResults: histories.length, total: issue.changelog.length, histories: histories.map((history) => serializeHistory(view, history)) };
  }
  return out;
}

/**
 * `renderedFields` and `transitions` of an IssueBean (`expand=renderedFields,transitions`): ADF fields as HTML,
 * comments with HTML bodies, dates and sizes in Jira's display form; other fields render as null, as Jira does for
 * fields without a renderer.
 */
import { commentBodyOf, descriptionOf, textareaOf } from '../content/issue-content.js';
import { resolutionDateOf } from '../model/resolution-date.js';
import type { Issue } from '../model/types.js';
import { transitionsFrom } from '../model/workflow.js';
import { serializeAttachment } from './attachment.serializer.js';
import { serializeComment } from './comment.serializer.js';
import type { FieldOptions } from './issue-fields.js';
import { statusJson, visibleAttachments, visibleComments } from './issue-fields.js';
import { renderAdfHtml, renderedDate, renderedSize } from './rendered-html.js';
import type { ViewContext } from './view-context.js';

type Renderer = (view: ViewContext, issue: Issue, options: FieldOptions) => unknown;

const RENDERERS: Record<string, Renderer> = {
  description: (view, issue) => renderAdfHtml(view, issue, descriptionOf(view.site, issue)),
  environment: () => null,
  customfield_10031: (view, issue) => renderAdfHtml(view, issue, textareaOf(view.site, issue)),
  created: (view, issue) => renderedDate(view, issue.created),
  updated: (view, issue) => renderedDate(view, issue.updated),
  resolutiondate: (view, issue) => {
    const at = resolutionDateOf(issue);
    return at === null ? null : renderedDate(view, at);
  },
  comment: (view, issue, options) => {
    const visible = visibleComments(view, issue);
    const shown = visible.slice(0, options.commentLimit).map((comment) => ({
      ...serializeComment(view, comment),
      body: renderAdfHtml(view, issue, commentBodyOf(view.site, comment)) ?? '',
      created: renderedDate(view, comment.created),
      updated: renderedDate(view, comment.updated),
    }));
    return { comments: shown, self: `${view.siteUrl}/rest/api/3/issue/${issue.id}/comment`, maxResults: shown.length, total: visible.length, startAt: 0 };
  },
  attachment: (view, issue) => visibleAttachments(view, issue).map((attachment) => ({ ...serializeAttachment(view, attachment), created: renderedDate(view, attachment.created), size: renderedSize(attachment.size) })),
};

/** The rendered value of each requested field (null where Jira has no rendering). */
export function renderedFieldsOf(view: ViewContext, issue: Issue, fields: string[], options: FieldOptions): Record<string, unknown> {
  return Object.fromEntries(fields.map((id) => [id, RENDERERS[id]?.(view, issue, options) ?? null]));
}

/**
 * The `IssueTransition`s available from the issue's status. Live Jira sends `isLooped` (captured replies); the
 * OpenAPI document names the property `looped`, and its schema allows additional properties, so `isLooped` is sent.
 * The simulator grants Transition Issues to whoever can see the issue (its schemes have no such grant).
 */
export function transitionsOf(view: ViewContext, issue: Issue): Array<Record<string, unknown>> {
  return transitionsFrom(issue.status).map((transition) => ({
    id: transition.id,
    name: transition.name,
    to: statusJson(view, transition.to),
    hasScreen: false,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  }));
}

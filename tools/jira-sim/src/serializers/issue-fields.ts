/** The field catalogue: how each issue field renders, and which are navigable (`*navigable`). */
import { descriptionOf, textareaOf } from '../content/issue-content.js';
import type { Attachment, Comment, Issue } from '../model/types.js';
import { childrenOf } from '../model/issue-children.js';
import { canSeeAttachmentOnIssue, canSeeComment } from '../permissions/access.js';
import { serializeAttachment } from './attachment.serializer.js';
import { serializeComment } from './comment.serializer.js';
import { issueTypeJson, projectRef } from './project.serializer.js';
import { renderIssueLinks } from './issue-links.js';
import { userRef } from './user.serializer.js';
import { embeddedWorklogs } from './worklog.serializer.js';
import type { ViewContext } from './view-context.js';
import { time } from './view-context.js';
import { resolutionDateOf } from '../model/resolution-date.js';
import { SPRINT_FIELD_IDS, sprintsOf } from '../content/sprints.js';

type Render = (view: ViewContext, issue: Issue, options: FieldOptions) => unknown;

export interface FieldOptions {
  /** Cap on embedded comments (search truncates them; `total` keeps the true count). */
  commentLimit: number;
}

const STATUS: Record<string, { id: string; category: string; key: string; color: string }> = {
  'To Do': { id: '10000', category: '2', key: 'new', color: 'blue-gray' },
  'In Progress': { id: '3', category: '4', key: 'indeterminate', color: 'yellow' },
  Done: { id: '10001', category: '3', key: 'done', color: 'green' },
};

/** The status category key (new, indeterminate, done) of a status name. */
export function statusCategoryKeyOf(name: string): string {
  return (STATUS[name] ?? { key: 'new' }).key;
}

function issueRef(view: ViewContext, id: string): Record<string, unknown> | null {
  const target = view.site.issues.get(id);
  if (!target) return null;
  return { id: target.id, key: target.key, self: `${view.siteUrl}/rest/api/3/issue/${target.id}`, fields: { summary: target.summary, issuetype: issueTypeJson(view, target.issueType), status: status(view, target) } };
}

/** `StatusDetails` of a status name (also the `to` of a transition). */
export function statusJson(view: ViewContext, name: string): Record<string, unknown> {
  const known = STATUS[name] ?? { id: '1', category: '2', key: 'new', color: 'blue-gray' };
  return {
    self: `${view.siteUrl}/rest/api/3/status/${known.id}`,
    id: known.id,
    name,
    statusCategory: { self: `${view.siteUrl}/rest/api/3/statuscategory/${known.category}`, id: Number(known.category), key: known.key, colorName: known.color, name },
  };
}

function status(view: ViewContext, issue: Issue): Record<string, unknown> {
  return statusJson(view, issue.status);
}

function security(view: ViewContext, issue: Issue): unknown {
  if (!issue.securityLevelId) return null;
  const project = view.site.projects.get(issue.projectId);
  const scheme = project?.securitySchemeId === undefined ? undefined : view.site.securitySchemes.get(project.securitySchemeId);
  const level = scheme?.levels.find((candidate) => candidate.id === issue.securityLevelId);
  return level ? { self: `${view.siteUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description } : null;
}

/** The comments of an issue the viewer may see, in order. */
export function visibleComments(view: ViewContext, issue: Issue): Comment[] {
  return issue.commentIds
    .map((id) => view.site.comments.get(id))
    .filter((comment): comment is Comment => comment !== undefined && canSeeComment(view.site, view.viewer, comment, issue));
}

function comments(view: ViewContext, issue: Issue, options: FieldOptions): unknown {
  const visible = visibleComments(view, issue);
  const shown = visible.slice(0, options.commentLimit);
  return {
    comments: shown.map((comment) => serializeComment(view, comment)),
    self: `${view.siteUrl}/rest/api/3/issue/${issue.id}/comment`,
    maxResults: shown.length,
    total: visible.length,
    startAt: 0,
  };
}

/** Files added through a comment the viewer cannot see are left out, as the comment is. */
export function visibleAttachments(view: ViewContext, issue: Issue): Attachment[] {
  return issue.attachmentIds
    .map((id) => view.site.attachments.get(id))
    .filter((attachment): attachment is Attachment => attachment !== undefined && canSeeAttachmentOnIssue(view.site, view.viewer, attachment, issue));
}

function attachments(view: ViewContext, issue: Issue): unknown {
  return visibleAttachments(view, issue).map((attachment) => serializeAttachment(view, attachment));
}

/** Renders the Sprint field under the id this site uses (switch sprintField); undefined elsewhere. */
function sprintField(id: string): Render {
  return (view, issue) => (view.site.sprintFieldId === id ? sprintsOf(view.site, issue) : undefined);
}

/**
 * `siteSpecific` fields exist on some sites only, under a site-specific id: they render when asked for by id, and are
 * left out of `*all`/`*navigable` (so the default replies of every site stay as they were).
 */
export const FIELD_CATALOGUE: Record<string, { navigable: boolean; render: Render; name: string; siteSpecific?: true }> = {
  summary: { navigable: true, name: 'Summary', render: (_view, issue) => issue.summary },
  issuetype: { navigable: true, name: 'Issue Type', render: (view, issue) => issueTypeJson(view, issue.issueType) },
  project: { navigable: true, name: 'Project', render: (view, issue) => { const project = view.site.projects.get(issue.projectId); return project ? projectRef(view, project) : null; } },
  status: { navigable: true, name: 'Status', render: status },
  priority: { navigable: true, name: 'Priority', render: (view, issue) => ({ self: `${view.siteUrl}/rest/api/3/priority/${issue.priority}`, name: issue.priority, id: String(['Highest', 'High', 'Medium', 'Low'].indexOf(issue.priority) + 1) }) },
  reporter: { navigable: true, name: 'Reporter', render: (view, issue) => userRef(view, issue.reporterAccountId) },
  creator: { navigable: true, name: 'Creator', render: (view, issue) => userRef(view, issue.reporterAccountId) },
  assignee: { navigable: true, name: 'Assignee', render: (view, issue) => userRef(view, issue.assigneeAccountId) },
  created: { navigable: true, name: 'Created', render: (view, issue) => time(view, issue.created) },
  updated: { navigable: true, name: 'Updated', render: (view, issue) => time(view, issue.updated) },
  labels: { navigable: true, name: 'Labels', render: (_view, issue) => [...issue.labels] },
  components: { navigable: true, name: 'Components', render: (view, issue) => issue.components.map((name, index) => ({ self: `${view.siteUrl}/rest/api/3/component/${10000 + index}`, id: String(10000 + index), name })) },
  description: { navigable: true, name: 'Description', render: (view, issue) => descriptionOf(view.site, issue) },
  environment: { navigable: true, name: 'Environment', render: () => null },
  security: { navigable: true, name: 'Security Level', render: security },
  parent: { navigable: true, name: 'Parent', render: (view, issue) => (issue.parentId ? issueRef(view, issue.parentId) : undefined) },
  subtasks: { navigable: true, name: 'Sub-tasks', render: (view, issue) => childrenOf(view.site, issue.id).filter((child) => child.issueType === 'Subtask').map((child) => issueRef(view, child.id)) },
  issuelinks: { navigable: true, name: 'Linked Issues', render: (view, issue) => renderIssueLinks(view, issue, issueRef) },
  resolution: { navigable: true, name: 'Resolution', render: (view, issue) => (issue.status === 'Done' ? { self: `${view.siteUrl}/rest/api/3/resolution/10000`, id: '10000', name: 'Done', description: 'Work has been completed on this issue.' } : null) },
  resolutiondate: { navigable: true, name: 'Resolved', render: (view, issue) => { const at = resolutionDateOf(issue); return at === null ? null : time(view, at); } },
  attachment: { navigable: false, name: 'Attachment', render: attachments },
  comment: { navigable: false, name: 'Comment', render: comments },
  // Absent unless the site has worklogs on (switch worklogs); then the first 20 and the true total.
  worklog: { navigable: false, name: 'Log Work', render: (view, issue) => embeddedWorklogs(view, issue) },
  customfield_10030: { navigable: true, name: 'External reference', render: (_view, issue) => issue.custom.text ?? null },
  customfield_10031: { navigable: true, name: 'Release notes', render: (view, issue) => textareaOf(view.site, issue) ?? null },
  customfield_10032: { navigable: true, name: 'Impact', render: (view, issue) => (issue.custom.select ? { self: `${view.siteUrl}/rest/api/3/customFieldOption/${issue.custom.select.length}`, value: issue.custom.select, id: String(10100 + issue.custom.select.length) } : null) },
  customfield_10033: { navigable: true, name: 'Security reviewer', render: (view, issue) => userRef(view, issue.custom.userPicker) },
  customfield_10034: { navigable: true, name: 'Owning team', render: (view, issue) => { const group = issue.custom.groupPicker ? view.site.groups.get(issue.custom.groupPicker) : undefined; return group ? { name: group.name, groupId: group.groupId, self: `${view.siteUrl}/rest/api/3/group?groupId=${group.groupId}` } : null; } },
  customfield_10035: { navigable: true, name: 'Story points', render: (_view, issue) => issue.custom.number ?? null },
  customfield_10036: { navigable: true, name: 'Target date', render: (_view, issue) => issue.custom.date ?? null },
  ...Object.fromEntries(SPRINT_FIELD_IDS.map((id) => [id, { navigable: true, name: 'Sprint', render: sprintField(id), siteSpecific: true as const }])),
};

/** Create, update, move and delete issues as Jira would: `updated`, changelog, search lag, webhooks, audit. */
import type { AdfDoc } from '../util/adf-types.js';
import type { ChangeItem, Issue } from '../model/types.js';
import { childrenOf } from '../model/issue-children.js';
import { findProject } from '../model/site-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { SiteRef } from './mutation-context.js';
import { audit, issueOf, siteOf, touchIssue } from './mutation-context.js';

export interface CreateIssueInput extends SiteRef {
  projectKey: string;
  summary: string;
  issueType?: Issue['issueType'];
  description?: AdfDoc;
  reporterAccountId?: string;
  assigneeAccountId?: string;
  labels?: string[];
  parentKey?: string;
  securityLevelId?: string;
}

export interface UpdateIssueInput extends SiteRef {
  summary?: string;
  description?: AdfDoc;
  labels?: string[];
  status?: Issue['status'];
  assigneeAccountId?: string | null;
  reporterAccountId?: string;
  securityLevelId?: string | null;
  userPickerAccountId?: string | null;
  groupPickerGroupId?: string | null;
  authorAccountId?: string;
}

function item(field: string, from: string | null | undefined, to: string | null | undefined): ChangeItem {
  return { field, fieldId: field, fieldtype: 'jira', from: from ?? null, fromString: from ?? null, to: to ?? null, toString: to ?? null };
}

export function createIssue(runtime: SimRuntime, input: CreateIssueInput): Issue {
  const site = siteOf(runtime, input);
  const project = findProject(site.state, input.projectKey);
  if (!project) throw new Error(`No project '${input.projectKey}'.`);
  const now = touchIssue(runtime, site, String(site.state.nextIds.issue), null);
  project.issueCounter += 1;
  const parent = input.parentKey ? issueOf(site, input.parentKey) : undefined;
  const issue: Issue = {
    id: String(site.state.nextIds.issue++),
    key: `${project.key}-${project.issueCounter}`,
    previousKeys: [],
    projectId: project.id,
    issueType: input.issueType ?? (parent && parent.issueType !== 'Epic' && parent.issueType !== 'Initiative' ? 'Subtask' : 'Task'),
    summary: input.summary,
    description: input.description,
    descriptionSeed: 0,
    status: 'To Do',
    priority: 'Medium',
    reporterAccountId: input.reporterAccountId ?? runtime.known.apiUser.accountId,
    assigneeAccountId: input.assigneeAccountId,
    created: now,
    updated: now,
    labels: input.labels ?? [],
    components: [],
    parentId: parent?.id,
    securityLevelId: input.securityLevelId ?? (parent?.issueType !== 'Epic' ? parent?.securityLevelId : undefined),
    links: [],
    custom: {},
    commentIds: [],
    attachmentIds: [],
    changelog: [],
  };
  site.state.issues.set(issue.id, issue);
  site.state.issueKeys.set(issue.key, issue.id);
  runtime.emit(site.state, 'jira:issue_created', { issue });
  return issue;
}

export function updateIssue(runtime: SimRuntime, idOrKey: string, input: UpdateIssueInput): Issue {
  const site = siteOf(runtime, input);
  const issue = issueOf(site, idOrKey);
  const before = structuredClone(issue);
  const now = touchIssue(runtime, site, issue.id, issue);
  const items: ChangeItem[] = [];
  if (input.summary !== undefined) items.push(item('summary', issue.summary, (issue.summary = input.summary)));
  if (input.description !== undefined) {
    issue.description = input.description;
    items.push(item('description', null, 'updated'));
  }
  if (input.labels !== undefined) items.push(item('labels', issue.labels.join(' '), (issue.labels = [...input.labels]).join(' ')));
  if (input.status !== undefined) items.push(item('status', issue.status, (issue.status = input.status)));
  if (input.assigneeAccountId !== undefined) items.push(item('assignee', issue.assigneeAccountId, (issue.assigneeAccountId = input.assigneeAccountId ?? undefined)));
  if (input.reporterAccountId !== undefined) items.push(item('reporter', issue.reporterAccountId, (issue.reporterAccountId = input.reporterAccountId)));
  if (input.securityLevelId !== undefined) items.push(item('security', issue.securityLevelId, (issue.securityLevelId = input.securityLevelId ?? undefined)));
  if (input.userPickerAccountId !== undefined) issue.custom.userPicker = input.userPickerAccountId ?? undefined;
  if (input.groupPickerGroupId !== undefined) issue.custom.groupPicker = input.groupPickerGroupId ?? undefined;
  issue.updated = now;
  if (items.length > 0) issue.changelog.push({ id: String(site.state.nextIds.changelog++), authorAccountId: input.authorAccountId ?? runtime.known.admin.accountId, created: now, items });
  runtime.emit(site.state, 'jira:issue_updated', { issue, before, items });
  return issue;
}

/** Moves an issue to another project: new key, old keys keep resolving, security level dropped if not in the new scheme. */
export function moveIssue(runtime: SimRuntime, idOrKey: string, input: SiteRef & { toProjectKey: string }): Issue {
  const site = siteOf(runtime, input);
  const issue = issueOf(site, idOrKey);
  const target = findProject(site.state, input.toProjectKey);
  if (!target) throw new Error(`No project '${input.toProjectKey}'.`);
  const before = structuredClone(issue);
  const now = touchIssue(runtime, site, issue.id, issue);
  const fromProject = site.state.projects.get(issue.projectId);
  target.issueCounter += 1;
  const oldKey = issue.key;
  issue.previousKeys.push(oldKey);
  issue.key = `${target.key}-${target.issueCounter}`;
  issue.projectId = target.id;
  site.state.issueKeys.set(issue.key, issue.id);
  const scheme = target.securitySchemeId === undefined ? undefined : site.state.securitySchemes.get(target.securitySchemeId);
  if (issue.securityLevelId && !scheme?.levels.some((level) => level.id === issue.securityLevelId)) issue.securityLevelId = undefined;
  issue.updated = now;
  issue.changelog.push({ id: String(site.state.nextIds.changelog++), authorAccountId: runtime.known.admin.accountId, created: now, items: [item('project', fromProject?.name, target.name), item('Key', oldKey, issue.key)] });
  runtime.emit(site.state, 'jira:issue_updated', { issue, before, items: issue.changelog.at(-1)?.items ?? [] });
  return issue;
}

/** Deletes an issue with its sub-tasks, comments and attachments (keys stop resolving). */
export function deleteIssue(runtime: SimRuntime, idOrKey: string, input: SiteRef = {}): void {
  const site = siteOf(runtime, input);
  const issue = issueOf(site, idOrKey);
  for (const child of childrenOf(site.state, issue.id).filter((candidate) => candidate.issueType === 'Subtask')) deleteIssue(runtime, child.id, input);
  touchIssue(runtime, site, issue.id, issue);
  site.state.issues.delete(issue.id);
  for (const key of [issue.key, ...issue.previousKeys]) site.state.issueKeys.delete(key);
  for (const id of issue.commentIds) site.state.comments.delete(id);
  for (const id of issue.attachmentIds) site.state.attachments.delete(id);
  if (runtime.options.auditIssueDeletes) {
    audit(runtime, site, { summary: 'Issue deleted', category: 'issue management', objectItem: { id: issue.id, name: issue.key, typeName: 'ISSUE', parentName: site.state.projects.get(issue.projectId)?.name } });
  }
  runtime.emit(site.state, 'jira:issue_deleted', { issue });
}

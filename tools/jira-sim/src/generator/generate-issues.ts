/** Seeded issues with hierarchy, links, custom fields, security levels, comments, attachments and changelogs. */
import type { Attachment, ChangeHistory, Comment, Group, Issue, Project } from '../model/types.js';
import type { SiteState } from '../model/site-state.js';
import type { Rng } from '../util/rng.js';
import { uuidFrom } from '../util/rng.js';
import { DATA_ANCHOR_MS, DAY_MS } from './presets.js';
import { ROLE_IDS } from './generate-access.js';
import { linkCommentAttachments } from './link-comment-attachments.js';

const VERBS = ['Fix', 'Improve', 'Investigate', 'Document', 'Refactor', 'Add', 'Remove', 'Migrate', 'Audit', 'Speed up'];
const NOUNS = ['login flow', 'billing export', 'search index', 'webhook retries', 'audit trail', 'mobile layout', 'rate limiter', 'SSO settings', 'CSV import', 'release notes'];
const LABELS = ['backend', 'frontend', 'customer', 'regression', 'tech-debt', 'security', 'q3', 'perf'];
const COMPONENTS = ['API', 'Web', 'Mobile', 'Infra'];
const FILES: ReadonlyArray<{ name: string; mime: string }> & { 0: { name: string; mime: string } } = [
  { name: 'screenshot.png', mime: 'image/png' },
  { name: 'trace.log', mime: 'text/plain' },
  { name: 'report.pdf', mime: 'application/pdf' },
  { name: 'data.csv', mime: 'text/csv' },
  { name: 'diagram.jpg', mime: 'image/jpeg' },
];

export interface IssueGenOptions {
  issues: number;
  commentsPerIssue: number;
  attachmentRate: number;
  humanIds: string[];
}

/** Generates all issues of a site into its maps, spread over the year before the data anchor. */
export function generateIssues(site: SiteState, rng: Rng, options: IssueGenOptions): void {
  const projects = [...site.projects.values()];
  const span = 365 * DAY_MS;
  const start = DATA_ANCHOR_MS - span;
  const groupNames = [...site.groups.values()].map((group) => group.groupId);
  const restrictGroups = [...site.groups.values()].filter((group) => group.name === 'engineering' || group.name === 'security-team');
  const perProject = new Map<string, Siblings>();
  for (let index = 0; index < options.issues; index += 1) {
    const project = projects[index % projects.length] as Project;
    const siblings = perProject.get(project.id) ?? { count: 0, recent: [], recentParents: [] };
    perProject.set(project.id, siblings);
    const created = start + Math.floor((span * index) / Math.max(1, options.issues)) + rng.int(3_600_000);
    const issue = createIssue(site, rng, project, siblings, created, options);
    issue.custom.groupPicker = rng.chance(0.2) ? rng.pick(groupNames) : undefined;
    remember(siblings, issue);
    site.issues.set(issue.id, issue);
    site.issueKeys.set(issue.key, issue.id);
    addComments(site, rng, issue, options, restrictGroups);
    addAttachments(site, rng, issue, options);
    linkCommentAttachments(site, issue);
    addChangelog(site, rng, issue);
  }
}

/** What issue generation needs to know about a project's earlier issues (bounded, so generation stays linear). */
interface Siblings {
  count: number;
  lastEpic?: Issue;
  recent: Issue[];
  recentParents: Issue[];
}

function remember(siblings: Siblings, issue: Issue): void {
  siblings.count += 1;
  if (issue.issueType === 'Epic') siblings.lastEpic = issue;
  siblings.recent.push(issue);
  if (siblings.recent.length > 50) siblings.recent.shift();
  if (issue.issueType !== 'Epic' && issue.issueType !== 'Subtask') {
    siblings.recentParents.push(issue);
    if (siblings.recentParents.length > 5) siblings.recentParents.shift();
  }
}

function createIssue(site: SiteState, rng: Rng, project: Project, siblings: Siblings, created: number, options: IssueGenOptions): Issue {
  project.issueCounter += 1;
  const position = siblings.count;
  const epic = siblings.lastEpic;
  const parentCandidates = siblings.recentParents;
  let issueType: Issue['issueType'] = position % 12 === 0 ? 'Epic' : rng.pick(['Story', 'Task', 'Bug', 'Story', 'Subtask'] as const);
  if (issueType === 'Subtask' && parentCandidates.length === 0) issueType = 'Task';
  const parent = issueType === 'Subtask' ? rng.pick(parentCandidates) : issueType !== 'Epic' && epic && rng.chance(0.6) ? epic : undefined;
  const status = rng.pick(['To Do', 'In Progress', 'Done'] as const);
  const id = String(site.nextIds.issue++);
  return {
    id,
    key: `${project.key}-${project.issueCounter}`,
    previousKeys: [],
    projectId: project.id,
    issueType,
    summary: `${rng.pick(VERBS)} ${rng.pick(NOUNS)} (${project.key.toLowerCase()} #${project.issueCounter})`,
    descriptionSeed: rng.int(2 ** 31),
    status,
    priority: rng.pick(['Highest', 'High', 'Medium', 'Low'] as const),
    reporterAccountId: rng.pick(options.humanIds),
    assigneeAccountId: rng.chance(0.8) ? rng.pick(options.humanIds) : undefined,
    created,
    updated: created + rng.int(20 * DAY_MS),
    labels: LABELS.filter(() => rng.chance(0.2)),
    components: COMPONENTS.filter(() => rng.chance(0.25)),
    parentId: parent?.id,
    securityLevelId: pickSecurityLevel(site, rng, project, parent),
    links: siblings.recent.length > 2 && rng.chance(0.2) ? [{ id: String(site.nextIds.link++), type: rng.pick(['Blocks', 'Relates', 'Duplicate', 'Cloners'] as const), outwardIssueId: rng.pick(siblings.recent).id }] : [],
    custom: {
      text: rng.chance(0.5) ? `ref-${rng.hex(6)}` : undefined,
      select: rng.chance(0.6) ? rng.pick(['Low impact', 'Medium impact', 'High impact']) : undefined,
      userPicker: rng.chance(0.3) ? rng.pick(options.humanIds) : undefined,
      number: rng.chance(0.5) ? rng.int(100) : undefined,
      date: rng.chance(0.4) ? new Date(created + rng.int(60) * DAY_MS).toISOString().slice(0, 10) : undefined,
    },
    commentIds: [],
    attachmentIds: [],
    changelog: [],
  };
}

function pickSecurityLevel(site: SiteState, rng: Rng, project: Project, parent: Issue | undefined): string | undefined {
  if (parent?.issueType !== 'Epic' && parent) return parent.securityLevelId; // sub-tasks inherit the parent's level
  const scheme = project.securitySchemeId === undefined ? undefined : site.securitySchemes.get(project.securitySchemeId);
  if (!scheme || !rng.chance(scheme.levels.length > 1 ? 0.45 : 0.15)) return undefined;
  return rng.pick(scheme.levels).id;
}

function addComments(site: SiteState, rng: Rng, issue: Issue, options: IssueGenOptions, restrictGroups: Group[]): void {
  const count = rng.int(options.commentsPerIssue * 2 + 1);
  for (let index = 0; index < count; index += 1) {
    const created = issue.created + Math.floor(((issue.updated - issue.created) * (index + 1)) / (count + 1));
    const edited = rng.chance(0.15);
    const author = rng.pick(options.humanIds);
    const comment: Comment = {
      id: String(site.nextIds.comment++),
      issueId: issue.id,
      authorAccountId: author,
      updateAuthorAccountId: author,
      created,
      updated: edited ? Math.min(issue.updated, created + rng.int(DAY_MS)) : created,
      bodySeed: rng.int(2 ** 31),
    };
    if (rng.chance(0.15)) {
      const group = rng.pick(restrictGroups);
      const role = site.roles.get(rng.pick([ROLE_IDS.developers, ROLE_IDS.administrators]));
      comment.visibility = rng.chance(0.5) || !role ? { type: 'group', value: group.name, identifier: group.groupId } : { type: 'role', value: role.name, identifier: role.name };
    }
    site.comments.set(comment.id, comment);
    issue.commentIds.push(comment.id);
  }
}

function addAttachments(site: SiteState, rng: Rng, issue: Issue, options: IssueGenOptions): void {
  // The site's first issue always gets an image, so one description can embed media and cover every ADF node.
  const first = site.attachments.size === 0;
  if (!first && !rng.chance(options.attachmentRate)) return;
  const count = rng.range(1, 3);
  for (let index = 0; index < count; index += 1) {
    const file = first && index === 0 ? FILES[0] : rng.pick(FILES);
    const attachment: Attachment = {
      id: String(site.nextIds.attachment++),
      issueId: issue.id,
      mediaId: uuidFrom(rng),
      filename: index === 0 ? file.name : file.name.replace('.', `-${index}.`),
      mimeType: file.mime,
      size: 200 + rng.int(200_000),
      authorAccountId: rng.pick(options.humanIds),
      created: issue.created + rng.int(Math.max(1, issue.updated - issue.created)),
    };
    site.attachments.set(attachment.id, attachment);
    issue.attachmentIds.push(attachment.id);
  }
}

function addChangelog(site: SiteState, rng: Rng, issue: Issue): void {
  const steps: ChangeHistory[] = [];
  const at = (fraction: number): number => issue.created + Math.floor((issue.updated - issue.created) * fraction);
  const author = issue.reporterAccountId;
  if (issue.assigneeAccountId) {
    steps.push({ id: '', authorAccountId: author, created: at(0.1), items: [{ field: 'assignee', fieldId: 'assignee', fieldtype: 'jira', from: null, fromString: null, to: issue.assigneeAccountId, toString: 'assigned' }] });
  }
  if (issue.status !== 'To Do') steps.push({ id: '', authorAccountId: author, created: at(0.4), items: [statusItem('To Do', 'In Progress')] });
  if (issue.status === 'Done') steps.push({ id: '', authorAccountId: author, created: at(0.9), items: [statusItem('In Progress', 'Done')] });
  if (issue.labels.length > 0 && rng.chance(0.5)) {
    steps.push({ id: '', authorAccountId: author, created: at(0.5), items: [{ field: 'labels', fieldId: 'labels', fieldtype: 'jira', from: null, fromString: '', to: null, toString: issue.labels.join(' ') }] });
  }
  steps.sort((left, right) => left.created - right.created);
  for (const step of steps) step.id = String(site.nextIds.changelog++);
  issue.changelog = steps;
}

function statusItem(from: string, to: string): ChangeHistory['items'][number] {
  const ids: Record<string, string> = { 'To Do': '10000', 'In Progress': '3', Done: '10001' };
  return { field: 'status', fieldId: 'status', fieldtype: 'jira', from: ids[from] ?? null, fromString: from, to: ids[to] ?? null, toString: to };
}

import type { GroundTruth } from '@jira-sync/jira-sim';
import type { TReadableBy, TReadableKind, TRecordSlice } from './record-slice.test-support.js';

type Readable = { id: string; acl: { readers?: string[] } };

/** What the truth lets `accountId` read, as sorted ids. */
function readableIds(list: readonly Readable[], accountId: string): string[] {
  return list.filter((item) => item.acl.readers?.includes(accountId)).map((item) => item.id).sort();
}

/** Text words and media ids of an ADF document: what its Markdown must keep. */
function adfContent(node: unknown, out = { words: new Set<string>(), mediaIds: [] as string[] }) {
  if (node === null || typeof node !== 'object') return out;
  const { type, text, attrs, content } = node as { type?: string; text?: string; attrs?: { id?: string }; content?: unknown[] };
  if (type === 'text' && text) for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) out.words.add(word);
  if (type === 'media' && attrs?.id) out.mediaIds.push(attrs.id);
  for (const child of content ?? []) adfContent(child, out);
  return out;
}

function blockMismatches(label: string, markdown: string | undefined, mediaIds: readonly string[], adf: unknown): string[] {
  const expected = adfContent(adf);
  const missing = [...expected.words].filter((word) => !(markdown ?? '').includes(word));
  const unique = (ids: readonly string[]) => [...new Set(ids)].sort();
  return [
    ...(missing.length > 0 ? [`${label} markdown lacks ${missing.slice(0, 3).join(', ')}`] : []),
    ...differs(`${label} media ids`, unique(mediaIds), unique(expected.mediaIds)),
  ];
}

function differs(label: string, ours: unknown, truth: unknown): string[] {
  return JSON.stringify(ours) === JSON.stringify(truth) ? [] : [`${label}: ${JSON.stringify(ours)} vs ${JSON.stringify(truth)}`];
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : null);

export interface TruthOptions {
  /** The syncing account: the slice of the truth it can read is what the store must hold. */
  accountId: string;
  /** Whether the account may read project roles (Administer Projects); without, only the lead records are expected. */
  rolesReadable?: boolean;
  /** Projects whose permission scheme the sync could not read: stored without a scheme id. */
  schemeUnreadable?: ReadonlySet<string>;
}

/** Every difference between a connector's stored records and the simulator's ground truth for the syncing account. */
export async function groundTruthMismatches(slice: TRecordSlice, truth: GroundTruth, options: TruthOptions): Promise<string[]> {
  const out: string[] = [];
  const users = slice.users;
  out.push(...differs('user ids', users.map((user) => user.accountId).sort(), truth.users.map((user) => user.accountId).sort()));
  for (const user of truth.users) {
    const ours = users.find((candidate) => candidate.accountId === user.accountId);
    if (ours) out.push(...differs(`user ${user.accountId}`, [ours.displayName, ours.email, ours.active, ours.accountType, ours.timeZone], [user.displayName, user.emailVisible ? user.email : undefined, user.active, user.accountType, user.timeZone]));
  }
  const groups = slice.groups;
  out.push(...differs('groups', groups.map((group) => [group.groupId, group.name, [...group.memberAccountIds].sort()]).sort(), truth.groups.map((group) => [group.groupId, group.name, group.memberAccountIds]).sort()));

  const projects = truth.projects.filter((project) => project.acl.readers?.includes(options.accountId));
  const storedProjects = slice.projects;
  out.push(...differs('project ids', storedProjects.map((project) => project.projectId).sort(), projects.map((project) => project.id).sort()));
  for (const project of projects) {
    const ours = storedProjects.find((candidate) => candidate.projectId === project.id);
    const schemeId = options.schemeUnreadable?.has(project.key) ? undefined : String(project.permissionSchemeId);
    if (ours) out.push(...differs(`project ${project.key}`, [ours.key, ours.name, ours.leadAccountId, ours.category ?? null, ours.permissionSchemeId], [project.key, project.name, project.leadAccountId, project.category, schemeId]));
  }
  const roles = slice.roles.map((role) => [role.kind, role.projectId, role.roleId, [...role.userAccountIds].sort(), [...role.groupIds].sort()]);
  // The lead comes with the project itself; the role actors only with Administer Projects.
  const truthRoles = projects.flatMap((project) => [
    ...(options.rolesReadable === false ? [] : project.roles.map((role) => ['role', project.id, String(role.roleId), role.accountIds, role.groupIds])),
    ['lead', project.id, 'lead', [project.leadAccountId], []],
  ]);
  out.push(...differs('roles', roles.sort(), truthRoles.sort()));

  out.push(...issueMismatches(slice, truth, options.accountId));
  out.push(...(await attachmentMismatches(slice, truth, options.accountId)));
  return out;
}

function issueMismatches(slice: TRecordSlice, truth: GroundTruth, accountId: string): string[] {
  const out: string[] = [];
  const issues = slice.issues;
  const visible = readableIds(truth.issues, accountId);
  out.push(...differs('issue ids', issues.map((issue) => issue.issueId).sort(), visible));
  const visibleComments = new Set(readableIds(truth.comments, accountId));
  const visibleAttachments = new Set(readableIds(truth.attachments, accountId));
  for (const issue of truth.issues) {
    const ours = issues.find((candidate) => candidate.issueId === issue.id);
    if (!ours) continue;
    const label = `issue ${issue.key}`;
    out.push(
      ...differs(label, [ours.key, ours.projectId, ours.summary, ours.issueType?.name, ours.status?.name, ours.status?.category, ours.priority?.name, ours.labels, ours.components], [issue.key, issue.projectId, issue.summary, issue.issueType, issue.status, issue.statusCategoryKey, issue.priority, issue.labels, issue.components]),
      ...differs(`${label} people`, [ours.reporter?.accountId, ours.assignee?.accountId ?? null, ours.creator?.accountId, ours.parent?.issueId, ours.securityLevel?.id], [issue.reporterAccountId, issue.assigneeAccountId, issue.creatorAccountId, issue.parentId, issue.securityLevelId]),
      ...differs(`${label} times`, [ms(ours.created), ms(ours.updated), ms(ours.resolutionDate)], [issue.created, issue.updated, issue.resolutionDate]),
      ...differs(`${label} links`, ours.links.map((link) => [link.linkId, link.type, link.direction, link.relation, link.issueId]).sort(), issue.links.map((link) => [link.linkId, link.type, link.direction, link.relation, link.otherIssueId]).sort()),
      ...differs(`${label} custom field ids`, ours.customFields.map((field) => field.id).sort(), Object.keys(issue.customFields).sort()),
      ...blockMismatches(`${label} description`, ours.blockGroups[0]?.markdown, ours.blockGroups[0]?.mediaIds ?? [], issue.description),
    );
    for (const [id, value] of Object.entries(issue.customFields)) {
      const field = ours.customFields.find((candidate) => candidate.id === id);
      if (!field) continue;
      if (typeof value === 'object' && value !== null) out.push(...blockMismatches(`${label} ${id}`, field.value, [], value));
      else if (String(value) !== field.value && String(value) !== String(field.raw)) out.push(`${label} ${id}: ${field.value}/${String(field.raw)} vs ${String(value)}`);
    }
    const comments = truth.comments.filter((comment) => comment.issueId === issue.id && visibleComments.has(comment.id));
    out.push(...differs(`${label} comment blocks`, ours.commentIds, [...comments].sort((a, b) => a.created - b.created || Number(a.id) - Number(b.id)).map((comment) => comment.id)));
    out.push(...differs(`${label} attachment ids`, [...ours.attachmentIds].sort(), truth.attachments.filter((file) => file.issueId === issue.id && visibleAttachments.has(file.id)).map((file) => file.id).sort()));
  }
  const comments = slice.comments;
  out.push(...differs('comment ids', comments.map((comment) => comment.commentId).sort(), [...visibleComments].sort()));
  for (const comment of truth.comments) {
    const ours = comments.find((candidate) => candidate.commentId === comment.id);
    if (!ours) continue;
    out.push(
      ...differs(`comment ${comment.id}`, [ours.issueId, ours.author?.accountId, ms(ours.created), ms(ours.updated), ours.visibility ? { type: ours.visibility.type, identifier: ours.visibility.identifier } : null], [comment.issueId, comment.authorAccountId, comment.created, comment.updated, comment.visibility ?? null]),
      ...blockMismatches(`comment ${comment.id}`, ours.markdown, ours.mediaIds, comment.body),
    );
  }
  return out;
}

async function attachmentMismatches(slice: TRecordSlice, truth: GroundTruth, accountId: string): Promise<string[]> {
  const out: string[] = [];
  const attachments = slice.attachments;
  out.push(...differs('attachment ids', attachments.map((file) => file.attachmentId).sort(), readableIds(truth.attachments, accountId)));
  for (const file of truth.attachments) {
    const ours = attachments.find((candidate) => candidate.attachmentId === file.id);
    if (!ours) continue;
    const label = `attachment ${file.id}`;
    out.push(...differs(label, [ours.issueId, ours.commentId ?? null, ours.filename, ours.mimeType, ours.size, ours.mediaId, ours.content.state === 'stored' ? ours.content.sha256 : ours.content.reason], [file.issueId, file.commentId ?? null, file.filename, file.mimeType, file.size, file.mediaId, file.sha256]));
    if (ours.content.state !== 'stored') continue;
    out.push(...differs(`${label} stored bytes`, await slice.storedSha256(ours.content.gridFsId), file.sha256));
  }
  return out;
}

/**
 * For every active account of the site, "records this account may read" against the truth's readers, limited to what
 * the syncing account could read (the store never holds more). `closed` ids must be readable by no one.
 */
export async function readableMismatches(readableBy: TReadableBy, truth: GroundTruth, syncingAccountId: string, closed: ReadonlySet<string> = new Set()): Promise<{ accounts: number; mismatches: string[] }> {
  const lists: Array<[TReadableKind, readonly Readable[]]> = [
    ['issue', truth.issues],
    ['comment', truth.comments],
    ['attachment', truth.attachments],
  ];
  const active = truth.users.filter((user) => user.active);
  const mismatches: string[] = [];
  for (const user of active) {
    for (const [kind, list] of lists) {
      const expected = list.filter((item) => !closed.has(`${kind}:${item.id}`) && item.acl.readers?.includes(syncingAccountId) && item.acl.readers.includes(user.accountId)).map((item) => item.id).sort();
      const ours = await readableBy(user.accountId, kind);
      if (JSON.stringify(ours) !== JSON.stringify(expected)) mismatches.push(`${user.accountId} ${kind}: ${ours.length} vs ${expected.length}`);
    }
  }
  return { accounts: active.length, mismatches };
}

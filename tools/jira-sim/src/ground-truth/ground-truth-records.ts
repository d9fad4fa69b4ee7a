/**
 * The ground truth as a stream of records, one site at a time: what a perfect connector ends up with, enriched so a
 * sync can be compared field by field. ADF bodies and attachment digests are computed per record while streaming, so
 * memory stays flat however large the site.
 */
import { createHash } from 'node:crypto';
import { attachmentBytes } from '../content/attachment-bytes.js';
import { commentBodyOf, descriptionOf, textareaOf } from '../content/issue-content.js';
import { linkTypeOf } from '../model/link-types.js';
import { resolutionDateOf } from '../model/resolution-date.js';
import type { SiteState } from '../model/site-state.js';
import type { Issue, Project } from '../model/types.js';
import { canSeeProject } from '../permissions/project-visibility.js';
import { statusCategoryKeyOf } from '../serializers/issue-fields.js';
import type { AdfDoc } from '../util/adf-types.js';
import type { Acl } from './acl.js';
import { ReaderExpander } from './acl.js';
import { browseLayer, combineAcl, levelLayer, visibilityLayer } from './acl-layers.js';

export interface SiteTruth { kind: 'site'; cloudId: string; siteName: string }
export interface UserTruth { kind: 'user'; accountId: string; accountType: string; displayName: string; email: string; emailVisible: boolean; active: boolean; timeZone: string }
export interface GroupTruth { kind: 'group'; groupId: string; name: string; memberAccountIds: string[] }
export interface RoleActorsTruth { roleId: number; name: string; accountIds: string[]; groupIds: string[] }
export interface ProjectTruth {
  kind: 'project'; id: string; key: string; name: string; leadAccountId: string; category: { id: string; name: string } | null;
  permissionSchemeId: number; issueSecuritySchemeId: number | null; roles: RoleActorsTruth[]; acl: Acl;
}
export interface LinkTruth { linkId: string; type: string; direction: 'inward' | 'outward'; relation: string; otherIssueId: string }
export type CustomFieldValue = string | number | AdfDoc;
export interface IssueTruth {
  kind: 'issue'; id: string; key: string; projectId: string; summary: string; issueType: string; status: string; statusCategoryKey: string;
  priority: string; labels: string[]; components: string[]; customFields: Record<string, CustomFieldValue>;
  reporterAccountId: string; assigneeAccountId: string | null; creatorAccountId: string; parentId?: string; links: LinkTruth[];
  securityLevelId?: string; created: number; updated: number; resolutionDate: number | null; description: AdfDoc; acl: Acl;
}
export interface CommentTruth { kind: 'comment'; id: string; issueId: string; authorAccountId: string; created: number; updated: number; visibility?: { type: string; identifier: string }; body: AdfDoc; acl: Acl }
export interface AttachmentTruth { kind: 'attachment'; id: string; issueId: string; commentId?: string; filename: string; mimeType: string; size: number; mediaId: string; sha256: string; acl: Acl }
export type GroundTruthRecord = SiteTruth | UserTruth | GroupTruth | ProjectTruth | IssueTruth | CommentTruth | AttachmentTruth;

export interface GroundTruthOptions {
  /** Expand every ACL to its reader accounts (default: on up to 20,000 issues, off for bigger sites). */
  readers?: boolean;
}

function roleActors(site: SiteState, project: Project): RoleActorsTruth[] {
  return [...project.roleActors.entries()]
    .sort(([left], [right]) => left - right)
    .map(([roleId, actors]) => ({
      roleId,
      name: site.roles.get(roleId)?.name ?? String(roleId),
      accountIds: actors.filter((actor) => actor.kind === 'user').map((actor) => actor.ref).sort(),
      groupIds: actors.filter((actor) => actor.kind === 'group').map((actor) => actor.ref).sort(),
    }));
}

/** The raw value each custom field serves: text, option value, account id, group id, number, date string, ADF. */
function customFieldsOf(site: SiteState, issue: Issue): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {};
  const values = issue.custom;
  if (values.text !== undefined) out.customfield_10030 = values.text;
  const textarea = textareaOf(site, issue);
  if (textarea) out.customfield_10031 = textarea;
  if (values.select !== undefined) out.customfield_10032 = values.select;
  if (values.userPicker !== undefined) out.customfield_10033 = values.userPicker;
  if (values.groupPicker !== undefined) out.customfield_10034 = values.groupPicker;
  if (values.number !== undefined) out.customfield_10035 = values.number;
  if (values.date !== undefined) out.customfield_10036 = values.date;
  return out;
}

type InwardIndex = Map<string, Array<{ linkId: string; type: Issue['links'][number]['type']; fromIssueId: string }>>;

function inwardIndex(site: SiteState): InwardIndex {
  const index: InwardIndex = new Map();
  for (const issue of site.issues.values()) {
    for (const link of issue.links) {
      const list = index.get(link.outwardIssueId) ?? [];
      list.push({ linkId: link.id, type: link.type, fromIssueId: issue.id });
      index.set(link.outwardIssueId, list);
    }
  }
  return index;
}

function linksOf(site: SiteState, issue: Issue, inward: InwardIndex): LinkTruth[] {
  const out: LinkTruth[] = [];
  for (const link of issue.links) {
    if (!site.issues.has(link.outwardIssueId)) continue;
    const type = linkTypeOf(link.type);
    out.push({ linkId: link.id, type: type.name, direction: 'outward', relation: type.outward, otherIssueId: link.outwardIssueId });
  }
  for (const link of inward.get(issue.id) ?? []) {
    if (!site.issues.has(link.fromIssueId)) continue;
    const type = linkTypeOf(link.type);
    out.push({ linkId: link.linkId, type: type.name, direction: 'inward', relation: type.inward, otherIssueId: link.fromIssueId });
  }
  return out;
}

function issueTruth(site: SiteState, issue: Issue, inward: InwardIndex, acl: Acl): IssueTruth {
  return {
    kind: 'issue', id: issue.id, key: issue.key, projectId: issue.projectId, summary: issue.summary, issueType: issue.issueType,
    status: issue.status, statusCategoryKey: statusCategoryKeyOf(issue.status), priority: issue.priority,
    labels: [...issue.labels], components: [...issue.components], customFields: customFieldsOf(site, issue),
    reporterAccountId: issue.reporterAccountId, assigneeAccountId: issue.assigneeAccountId ?? null, creatorAccountId: issue.reporterAccountId,
    ...(issue.parentId ? { parentId: issue.parentId } : {}), links: linksOf(site, issue, inward),
    ...(issue.securityLevelId ? { securityLevelId: issue.securityLevelId } : {}),
    created: issue.created, updated: issue.updated, resolutionDate: resolutionDateOf(issue), description: descriptionOf(site, issue), acl,
  };
}

/** Every ground-truth record of a site: site, users, groups, projects, then each issue followed by its comments and attachments. */
export function* groundTruthRecords(site: SiteState, options: GroundTruthOptions = {}): Generator<GroundTruthRecord> {
  const expander = (options.readers ?? site.issues.size <= 20_000) ? new ReaderExpander(site) : undefined;
  yield { kind: 'site', cloudId: site.cloudId, siteName: site.name };
  for (const user of site.users.values()) {
    yield { kind: 'user', accountId: user.accountId, accountType: user.accountType, displayName: user.displayName, email: user.email, emailVisible: user.emailVisible, active: user.active, timeZone: user.timeZone };
  }
  for (const group of site.groups.values()) yield { kind: 'group', groupId: group.groupId, name: group.name, memberAccountIds: [...group.members].sort() };
  for (const project of site.projects.values()) {
    const readers = expander ? [...site.users.values()].filter((user) => user.active && canSeeProject(site, user, project)).map((user) => user.accountId).sort() : undefined;
    const category = project.categoryId === undefined ? undefined : site.categories.get(project.categoryId);
    yield {
      kind: 'project', id: project.id, key: project.key, name: project.name, leadAccountId: project.leadAccountId,
      category: category ? { id: category.id, name: category.name } : null, permissionSchemeId: project.permissionSchemeId,
      issueSecuritySchemeId: project.securitySchemeId ?? null, roles: roleActors(site, project),
      acl: { ...browseLayer(site, project), ...(readers ? { readers } : {}) },
    };
  }
  const inward = inwardIndex(site);
  for (const issue of site.issues.values()) {
    const project = site.projects.get(issue.projectId);
    if (!project) continue;
    const main = browseLayer(site, project, issue);
    const level = levelLayer(site, project, issue);
    const issueAcl = combineAcl(main, level ? [level] : [], expander);
    yield issueTruth(site, issue, inward, issueAcl);
    const commentAcls = new Map<string, Acl>();
    for (const commentId of issue.commentIds) {
      const comment = site.comments.get(commentId);
      if (!comment) continue;
      const restriction = visibilityLayer(site, project, comment);
      const commentAcl = restriction ? combineAcl(main, [...(level ? [level] : []), restriction], expander) : issueAcl;
      commentAcls.set(comment.id, commentAcl);
      yield {
        kind: 'comment', id: comment.id, issueId: issue.id, authorAccountId: comment.authorAccountId, created: comment.created, updated: comment.updated,
        ...(comment.visibility ? { visibility: { type: comment.visibility.type, identifier: comment.visibility.identifier } } : {}), body: commentBodyOf(site, comment), acl: commentAcl,
      };
    }
    for (const attachmentId of issue.attachmentIds) {
      const attachment = site.attachments.get(attachmentId);
      if (!attachment) continue;
      // A file added through a comment has the comment's ACL (its restriction layer included); otherwise the issue's.
      const commentAcl = attachment.commentId === undefined ? undefined : commentAcls.get(attachment.commentId);
      yield {
        kind: 'attachment', id: attachment.id, issueId: issue.id, ...(commentAcl ? { commentId: attachment.commentId } : {}), filename: attachment.filename,
        mimeType: attachment.mimeType, size: attachment.size, mediaId: attachment.mediaId, sha256: createHash('sha256').update(attachmentBytes(attachment)).digest('hex'), acl: commentAcl ?? issueAcl,
      };
    }
  }
}

/** The same records as an async iterable that yields to the event loop every few hundred records. */
export async function* streamGroundTruth(site: SiteState, options: GroundTruthOptions = {}): AsyncGenerator<GroundTruthRecord> {
  let count = 0;
  for (const record of groundTruthRecords(site, options)) {
    yield record;
    count += 1;
    if (count % 256 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

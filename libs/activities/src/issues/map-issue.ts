import { adfToMarkdown } from '@jira-sync/adf';
import type { TAcl, TAttachmentRecord, TCommentRecord, TCustomFieldValue, TIssueRecord, TPersonRef } from '@jira-sync/contracts';
import type { TComment, TIssue } from '@jira-sync/jira-client';
import { commentAcl, issueAcl, type TProjectAccess } from '../acl/resolve-acl.js';
import { fitRecord, MAX_RECORD_BYTES } from './fit-record.js';
import { readableValue } from './readable-value.js';

/** A field's name and schema type from `/field`, to name custom fields. */
export interface TFieldInfo {
  name: string;
  type: string;
}

/** What the issue's warnings may take of its record: 20 warnings of at most 1,000 characters (4 bytes each at most). */
const WARNINGS_ROOM_BYTES = 20 * (4_000 + 16);

/** The issue fields a sync requests from enhanced search (plus every custom field id). */
export const SYSTEM_FIELDS = [
  'summary', 'description', 'status', 'priority', 'issuetype', 'labels', 'components', 'fixVersions', 'reporter', 'assignee',
  'creator', 'parent', 'issuelinks', 'security', 'created', 'updated', 'resolutiondate', 'comment', 'attachment', 'project',
] as const;

function own(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
function names(value: unknown, key = 'name'): string[] {
  return Array.isArray(value) ? value.map((item) => str(own(item, key)) ?? str(item)).filter((name): name is string => Boolean(name)) : [];
}
function person(value: unknown): TPersonRef | undefined {
  const accountId = str(own(value, 'accountId'));
  if (!accountId) return undefined;
  const displayName = str(own(value, 'displayName'));
  return { accountId, ...(displayName ? { displayName } : {}) };
}
/** Jira timestamps (`2024-03-01T10:00:00.000+0100`) as ISO 8601 with a colon offset. */
export function isoTime(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
export function epochMs(value: unknown): number {
  const iso = isoTime(value);
  return iso ? Date.parse(iso) : 0;
}

export interface TMappedIssue {
  issue: TIssueRecord;
  comments: TCommentRecord[];
  attachments: Array<Omit<TAttachmentRecord, 'content'>>;
  /** The issue's `updated` in epoch ms (the revision's first part). */
  updatedMs: number;
  /** What a person should know about this issue's records (a text cut to fit one record), for the project's outcome. */
  problems: string[];
  /** Media id -> where it is shown (description or comment) and that block's ACL: how attachments are placed. */
  mediaOwners: ReadonlyMap<string, { placement: 'description' | 'comment'; commentId?: string; acl: TAcl }>;
}

export interface TMapIssueContext {
  siteUrl: string;
  project: { id: string; key: string };
  access: TProjectAccess;
  fields: ReadonlyMap<string, TFieldInfo>;
}

/**
 * Maps one issue (search fields) and its complete comment list to records: the issue with the description block
 * group, one comment block per comment, and each attachment placed by media id in the description or a comment.
 */
export function mapIssue(raw: TIssue, comments: readonly TComment[], context: TMapIssueContext): TMappedIssue {
  const fields = raw.fields ?? {};
  const acl = issueAcl(context.access, fields);
  const warnings: string[] = [];
  const description = adfToMarkdown(own(fields, 'description') ?? null);
  warnings.push(...description.warnings.map((warning) => `description${warning.path}: ${warning.message}`));

  const customFields: TCustomFieldValue[] = [];
  for (const [id, value] of Object.entries(fields)) {
    if (!id.startsWith('customfield_')) continue;
    const readable = readableValue(value);
    if (!readable) continue;
    const info = context.fields.get(id);
    customFields.push({ id, name: info?.name ?? id, type: info?.type ?? 'unknown', value: readable.value, ...(readable.raw !== undefined ? { raw: readable.raw } : {}) });
  }
  customFields.sort((left, right) => left.id.localeCompare(right.id));

  const mediaOwner = new Map<string, { placement: 'description' | 'comment'; commentId?: string; acl: TAcl }>();
  for (const mediaId of description.mediaIds) mediaOwner.set(mediaId, { placement: 'description', acl });
  const commentRecords: TCommentRecord[] = comments.map((comment, index) => {
    const converted = adfToMarkdown(comment.body ?? null);
    const visibility = comment.visibility ?? undefined;
    const blockAcl = commentAcl(context.access, acl, visibility);
    for (const mediaId of converted.mediaIds) if (!mediaOwner.has(mediaId) || visibility) mediaOwner.set(mediaId, { placement: 'comment', commentId: comment.id, acl: blockAcl });
    const author = person(comment.author);
    const updated = isoTime(comment.updated);
    return {
      commentId: comment.id,
      issueId: raw.id,
      projectId: context.project.id,
      blockGroupIndex: 1,
      blockIndex: index,
      ...(author ? { author } : {}),
      created: isoTime(comment.created) ?? new Date(0).toISOString(),
      ...(updated ? { updated } : {}),
      markdown: converted.markdown,
      mediaIds: converted.mediaIds,
      ...(visibility && (visibility.type === 'group' || visibility.type === 'role')
        ? { visibility: { type: visibility.type, value: visibility.value ?? '', ...(visibility.identifier ? { identifier: visibility.identifier } : {}) } }
        : {}),
      acl: blockAcl,
    };
  });

  // Each comment is a record (an event, a document) of its own; one too large alone is cut to fit, never dropped.
  const cuts: string[] = [];
  for (const record of commentRecords) {
    cuts.push(...fitRecord(record, [{ label: `comment ${record.commentId}`, get: () => record.markdown, set: (text) => (record.markdown = text) }]));
  }

  const rawAttachments = Array.isArray(own(fields, 'attachment')) ? (own(fields, 'attachment') as unknown[]) : [];
  const attachments = rawAttachments.map((item): Omit<TAttachmentRecord, 'content'> => {
    const mediaId = str(own(item, 'mediaApiFileId')) ?? str(own(item, 'mediaId'));
    const owner = mediaId ? mediaOwner.get(mediaId) : undefined;
    const author = person(own(item, 'author'));
    const created = isoTime(own(item, 'created'));
    return {
      attachmentId: str(own(item, 'id')) ?? '',
      issueId: raw.id,
      projectId: context.project.id,
      filename: str(own(item, 'filename')) ?? '',
      mimeType: str(own(item, 'mimeType')) ?? 'application/octet-stream',
      size: Number(own(item, 'size') ?? 0),
      ...(created ? { created } : {}),
      ...(author ? { author } : {}),
      ...(mediaId ? { mediaId } : {}),
      placement: owner?.placement ?? 'issue',
      ...(owner?.commentId ? { commentId: owner.commentId } : {}),
      acl: owner?.acl ?? acl,
    };
  });

  const links = (Array.isArray(own(fields, 'issuelinks')) ? (own(fields, 'issuelinks') as unknown[]) : []).flatMap((link) => {
    const type = own(link, 'type');
    const outward = own(link, 'outwardIssue');
    const inward = own(link, 'inwardIssue');
    const other = outward ?? inward;
    const issueId = str(own(other, 'id'));
    if (!issueId) return [];
    const direction = outward ? ('outward' as const) : ('inward' as const);
    const issueKey = str(own(other, 'key'));
    return [{ linkId: str(own(link, 'id')) ?? '', type: str(own(type, 'name')) ?? '', direction, relation: str(own(type, direction)) ?? '', issueId, ...(issueKey ? { issueKey } : {}) }];
  });

  const parentId = str(own(own(fields, 'parent'), 'id'));
  const parentKey = str(own(own(fields, 'parent'), 'key'));
  const status = own(fields, 'status');
  const priority = own(fields, 'priority');
  const issueType = own(fields, 'issuetype');
  const security = own(fields, 'security');
  const updatedMs = epochMs(own(fields, 'updated'));
  const key = raw.key ?? raw.id;
  const [reporter, assignee, creator] = [person(own(fields, 'reporter')), person(own(fields, 'assignee')), person(own(fields, 'creator'))];
  const resolutionDate = isoTime(own(fields, 'resolutiondate'));
  const issue: TIssueRecord = {
    issueId: raw.id,
    key,
    projectId: context.project.id,
    projectKey: context.project.key,
    summary: str(own(fields, 'summary')) ?? '',
    ...(status ? { status: { ...(str(own(status, 'id')) ? { id: str(own(status, 'id'))! } : {}), name: str(own(status, 'name')) ?? '', ...(str(own(own(status, 'statusCategory'), 'key')) ? { category: str(own(own(status, 'statusCategory'), 'key'))! } : {}) } } : {}),
    ...(priority ? { priority: { ...(str(own(priority, 'id')) ? { id: str(own(priority, 'id'))! } : {}), name: str(own(priority, 'name')) ?? '' } } : {}),
    ...(issueType ? { issueType: { ...(str(own(issueType, 'id')) ? { id: str(own(issueType, 'id'))! } : {}), name: str(own(issueType, 'name')) ?? '', ...(typeof own(issueType, 'subtask') === 'boolean' ? { subtask: own(issueType, 'subtask') as boolean } : {}) } } : {}),
    labels: names(own(fields, 'labels')),
    components: names(own(fields, 'components')),
    fixVersions: names(own(fields, 'fixVersions')),
    customFields,
    ...(reporter ? { reporter } : {}),
    ...(assignee ? { assignee } : {}),
    ...(creator ? { creator } : {}),
    ...(parentId ? { parent: { issueId: parentId, ...(parentKey ? { key: parentKey } : {}) } } : {}),
    links,
    ...(str(own(security, 'id')) ? { securityLevel: { id: str(own(security, 'id'))!, ...(str(own(security, 'name')) ? { name: str(own(security, 'name'))! } : {}) } } : {}),
    created: isoTime(own(fields, 'created')) ?? new Date(0).toISOString(),
    updated: isoTime(own(fields, 'updated')) ?? new Date(0).toISOString(),
    ...(resolutionDate ? { resolutionDate } : {}),
    webUrl: `${context.siteUrl.replace(/\/$/, '')}/browse/${encodeURIComponent(key)}`,
    blockGroups: [
      { index: 0, kind: 'description', markdown: description.markdown, mediaIds: description.mediaIds },
      { index: 1, parentIndex: 0, kind: 'comments', mediaIds: commentRecords.flatMap((comment) => comment.mediaIds) },
    ],
    commentIds: commentRecords.map((comment) => comment.commentId),
    attachmentIds: attachments.map((attachment) => attachment.attachmentId),
    acl,
  };
  const descriptionGroup = issue.blockGroups[0]!;
  cuts.push(
    ...fitRecord(
      issue,
      [
        { label: 'description', get: () => descriptionGroup.markdown ?? '', set: (text) => (descriptionGroup.markdown = text) },
        ...issue.customFields.map((field) => ({ label: `custom field ${field.name.slice(0, 200)} (${field.id})`, get: () => field.value, set: (text: string) => (field.value = text) })),
      ],
      // Room for the warnings written below, which name the cuts.
      MAX_RECORD_BYTES - WARNINGS_ROOM_BYTES,
    ),
  );
  // Cuts first: they are what a reader of the record most needs to know, and the list is capped.
  const allWarnings = [...cuts, ...warnings].slice(0, 20).map((warning) => warning.slice(0, 1_000));
  if (allWarnings.length > 0) issue.warnings = allWarnings;
  return { issue, comments: commentRecords, attachments, updatedMs, problems: cuts.map((cut) => `${key}: ${cut}`), mediaOwners: mediaOwner };
}

/**
 * Seed-stable ADF bodies for issue descriptions, textarea fields and comments, from the shared ADF generator.
 * Regenerated on each access unless a mutation stored a body, so big presets stay small in memory. In every site the
 * first issue whose description embeds an image gets `coverAll`, so each preset uses every ADF node and mark somewhere.
 */
import { adfToPlainText, createRng, generateAdfDocument } from '../adf/index.js';
import type { AdfMediaFile, AdfMention } from '../adf/index.js';
import type { SiteState } from '../model/site-state.js';
import type { Attachment, Comment, Issue } from '../model/types.js';
import type { AdfDoc } from '../util/adf-types.js';

const licensed = new WeakMap<SiteState, string[]>();

function mentionsFor(site: SiteState, seed: number, minimum = 0): AdfMention[] {
  let ids = licensed.get(site);
  if (!ids) {
    ids = [...site.licensedAccountIds];
    licensed.set(site, ids);
  }
  const rng = createRng(seed ^ 0x5bd1e995);
  const count = Math.max(minimum, Math.floor(rng.next() * 3));
  const out: AdfMention[] = [];
  for (let index = 0; index < count && ids.length > 0; index += 1) {
    const user = site.users.get(ids[Math.floor(rng.next() * ids.length)] ?? '');
    if (user) out.push({ accountId: user.accountId, displayName: user.displayName });
  }
  return out;
}

function mediaFile(attachment: Attachment): AdfMediaFile {
  return { id: attachment.mediaId, collection: '', alt: attachment.filename };
}

/** Images the description embeds: those not added through a comment (a comment shows its own files). */
function imageFiles(site: SiteState, issue: Issue): AdfMediaFile[] {
  return issue.attachmentIds
    .map((id) => site.attachments.get(id))
    .filter((attachment): attachment is Attachment => attachment !== undefined && attachment.commentId === undefined && attachment.mimeType.startsWith('image/'))
    .map(mediaFile);
}

function commentFiles(site: SiteState, comment: Comment): AdfMediaFile[] {
  return (site.issues.get(comment.issueId)?.attachmentIds ?? [])
    .map((id) => site.attachments.get(id))
    .filter((attachment): attachment is Attachment => attachment?.commentId === comment.id)
    .map(mediaFile);
}

const coverAllIssue = new WeakMap<SiteState, string>();

function isCoverAll(site: SiteState, issue: Issue): boolean {
  let id = coverAllIssue.get(site);
  if (id === undefined) {
    id = [...site.issues.values()].find((candidate) => imageFiles(site, candidate).length > 0)?.id ?? '';
    coverAllIssue.set(site, id);
  }
  return id === issue.id;
}

/** The issue's description. */
export function descriptionOf(site: SiteState, issue: Issue): AdfDoc {
  if (issue.description) return issue.description;
  const coverAll = isCoverAll(site, issue);
  return generateAdfDocument(createRng(issue.descriptionSeed), {
    size: coverAll ? 'large' : 'medium',
    mediaFiles: imageFiles(site, issue),
    mentions: mentionsFor(site, issue.descriptionSeed, coverAll ? 1 : 0),
    coverAll,
  });
}

/** The textarea custom field value (ADF), present on about half of the issues. */
export function textareaOf(site: SiteState, issue: Issue): AdfDoc | undefined {
  if (issue.custom.textarea) return issue.custom.textarea;
  if (issue.descriptionSeed % 2 === 1) return undefined;
  return generateAdfDocument(createRng(issue.descriptionSeed + 1), { size: 'small', mentions: mentionsFor(site, issue.descriptionSeed + 1) });
}

/** A comment's body (files added through the comment appear in it as media). */
export function commentBodyOf(site: SiteState, comment: Comment): AdfDoc {
  return comment.body ?? generateAdfDocument(createRng(comment.bodySeed), { size: 'small', mediaFiles: commentFiles(site, comment), mentions: mentionsFor(site, comment.bodySeed) });
}

/** Plain text of an ADF document (search text). */
export function plainText(doc: AdfDoc): string {
  return adfToPlainText(doc);
}

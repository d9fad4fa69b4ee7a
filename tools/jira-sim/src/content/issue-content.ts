/**
 * Seed-stable ADF bodies for issue descriptions, textarea fields and comments, from the shared ADF generator.
 * Regenerated on each access unless a mutation stored a body, so big presets stay small in memory. In every site the
 * first issue with an image attachment gets `coverAll`, so each preset uses every ADF node and mark somewhere.
 */
import { adfToPlainText, createRng, generateAdfDocument } from '../adf/index.js';
import type { AdfMention } from '../adf/index.js';
import type { SiteState } from '../model/site-state.js';
import type { Comment, Issue } from '../model/types.js';
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

function imageFiles(site: SiteState, issue: Issue) {
  return issue.attachmentIds
    .map((id) => site.attachments.get(id))
    .filter((attachment) => attachment !== undefined && attachment.mimeType.startsWith('image/'))
    .map((attachment) => ({ id: attachment?.mediaId ?? '', collection: '', alt: attachment?.filename ?? '' }));
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

/** A comment's body. */
export function commentBodyOf(site: SiteState, comment: Comment): AdfDoc {
  return comment.body ?? generateAdfDocument(createRng(comment.bodySeed), { size: 'small', mentions: mentionsFor(site, comment.bodySeed) });
}

/** Plain text of an ADF document (search text, renderedBody). */
export function plainText(doc: AdfDoc): string {
  return adfToPlainText(doc);
}

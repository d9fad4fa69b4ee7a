import {
  bulletPoints, checklist, codeSample, decisionsBlock, environmentTable, expectedActualSection, introParagraph,
  mediaBlocks, notePanel, quoteBlock, ruleAndNotes, stepsSection, type BlockGenerator,
} from './adf-blocks.js';
import { coverAllBlocks } from './adf-cover-all.js';
import type { AdfDoc, AdfMediaFile, AdfMention, AdfNode } from './adf-types.js';
import type { Rng } from './rng.js';

export interface GenerateAdfOptions {
  /** small: a comment-sized paragraph or two; medium: a bug report; large: a long spec with tables and panels. */
  readonly size: 'small' | 'medium' | 'large';
  /** Files to embed; every one is referenced (media nodes of type 'file' with this id and collection). */
  readonly mediaFiles?: readonly AdfMediaFile[];
  /** Accounts that may be @-mentioned (mention ids are their accountIds). */
  readonly mentions?: readonly AdfMention[];
  /** Also use every node and mark of full.json; needs at least one media file and one mention. */
  readonly coverAll?: boolean;
}

const OPTIONAL_MEDIUM: readonly BlockGenerator[] = [codeSample, bulletPoints, quoteBlock];
const OPTIONAL_LARGE: readonly BlockGenerator[] = [notePanel, quoteBlock, checklist, decisionsBlock, bulletPoints, ruleAndNotes];

function sections(rng: Rng, size: GenerateAdfOptions['size']): BlockGenerator[] {
  if (size === 'small') {
    if (rng.chance(0.3)) return [introParagraph, bulletPoints];
    return rng.chance(0.5) ? [introParagraph, introParagraph] : [introParagraph];
  }
  const medium = [introParagraph, stepsSection, expectedActualSection, rng.pick(OPTIONAL_MEDIUM)];
  if (size === 'medium') return medium;
  const extras = OPTIONAL_LARGE.filter(() => rng.chance(0.6));
  return [introParagraph, environmentTable, stepsSection, expectedActualSection, codeSample, ...extras, introParagraph];
}

/**
 * A realistic, schema-valid ADF document for an issue description or comment body. Deterministic: the same
 * Rng state and options give the same document. Media files are embedded after the first paragraph.
 */
export function generateAdfDocument(rng: Rng, options: GenerateAdfOptions): AdfDoc {
  const mediaFiles = options.mediaFiles ?? [];
  const context = { rng, mentions: options.mentions ?? [] };
  const [first, ...rest] = sections(rng, options.size).map((generate) => generate(context));
  const content: AdfNode[] = [...(first ?? []), ...mediaBlocks(mediaFiles), ...rest.flat()];
  if (options.coverAll) {
    const file = mediaFiles[0];
    const account = context.mentions[0];
    if (file === undefined || account === undefined) {
      throw new TypeError('coverAll needs at least one media file and one mention, so media and mention nodes reference real data.');
    }
    content.push(...coverAllBlocks(rng, file, account));
  }
  return { version: 1, type: 'doc', content };
}

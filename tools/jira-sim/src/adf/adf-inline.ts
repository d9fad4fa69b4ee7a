import { mark, mention, node, text } from './adf-builders.js';
import type { AdfMention, AdfNode } from './adf-types.js';
import { ACTIONS, COMPONENTS, CONDITIONS, EMOJIS, LINKS, PROBLEMS, STATUSES } from './adf-vocabulary.js';
import type { Rng } from './rng.js';

/** What inline generators may reference: the seeded Rng and the accounts that can be mentioned. */
export interface InlineContext {
  readonly rng: Rng;
  readonly mentions: readonly AdfMention[];
}

const DAY_MS = 86_400_000;
// Date nodes fall in 2026 so documents do not depend on the wall clock.
const YEAR_START = Date.UTC(2026, 0, 1);

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** One bug-report sentence, e.g. "The export job times out when the cache is cold." */
export function sentence(rng: Rng): string {
  return `The ${rng.pick(COMPONENTS)} ${rng.pick(PROBLEMS)} when ${rng.pick(CONDITIONS)}.`;
}

/** A reproduction step, e.g. "Open the dashboard". */
export function step(rng: Rng): string {
  return `${rng.pick(ACTIONS)} ${rng.pick(COMPONENTS)}`;
}

/** A short title-case phrase for headings, captions and expand titles. */
export function phrase(rng: Rng): string {
  return capitalize(rng.pick(COMPONENTS));
}

export function dateNode(rng: Rng): AdfNode {
  return node('date', { attrs: { timestamp: String(YEAR_START + rng.int(0, 364) * DAY_MS) } });
}

export function emojiNode(rng: Rng): AdfNode {
  return node('emoji', { attrs: { ...rng.pick(EMOJIS) } });
}

export function statusNode(rng: Rng): AdfNode {
  return node('status', { attrs: { ...rng.pick(STATUSES), localId: rng.hex(8) } });
}

export function inlineCardNode(rng: Rng): AdfNode {
  return node('inlineCard', { attrs: { url: rng.pick(LINKS) } });
}

/** A sentence whose component is emphasised one of several ways (strong, em, code, link) or left plain. */
function markedSentence(rng: Rng): AdfNode[] {
  const component = rng.pick(COMPONENTS);
  const style = rng.pick(['plain', 'strong', 'em', 'code', 'link', 'plain'] as const);
  const marks =
    style === 'plain' ? [] : style === 'link' ? [mark('link', { href: rng.pick(LINKS) })] : [mark(style)];
  return [
    text('The '),
    text(component, marks),
    text(` ${rng.pick(PROBLEMS)} when ${rng.pick(CONDITIONS)}. `),
  ];
}

/**
 * Inline content for a paragraph: one to three sentences, sometimes followed by a mention, an emoji, a status
 * lozenge, a date or a smart link, as people write them in Jira.
 */
export function richInline(context: InlineContext, sentences = context.rng.int(1, 3)): AdfNode[] {
  const { rng } = context;
  const content: AdfNode[] = [];
  for (let i = 0; i < sentences; i += 1) content.push(...markedSentence(rng));
  if (context.mentions.length > 0 && rng.chance(0.35)) {
    content.push(text('cc '), mention(rng.pick(context.mentions)), text(' '));
  }
  const extra = rng.int(0, 9);
  if (extra === 0) content.push(emojiNode(rng));
  else if (extra === 1) content.push(text('Status: '), statusNode(rng));
  else if (extra === 2) content.push(text('Seen since '), dateNode(rng));
  else if (extra === 3) content.push(text('See '), inlineCardNode(rng));
  return trimTrailingSpace(content);
}

/** Drops the trailing space of the last text node (and the node itself if nothing else is left). */
function trimTrailingSpace(content: AdfNode[]): AdfNode[] {
  const last = content[content.length - 1];
  if (last?.type !== 'text' || last.text === undefined) return content;
  const trimmed = last.text.trimEnd();
  const head = content.slice(0, -1);
  return trimmed === '' ? head : [...head, { ...last, text: trimmed }];
}

import { attrText, readNode, type AdfNode } from '../model/adf-node.js';
import { bareUrls } from '../model/bare-urls.js';
import { cardUrl } from '../model/leaf-text.js';
import { readMediaRef } from '../model/media-ref.js';
import type { MediaResolver } from '../convert/media-resolver.js';
import type { AdfMention } from '../types.js';
import { leafPlainText, linkMarkHref } from './leaf-plain-text.js';
import { isInlineType } from './node-kinds.js';

export interface DocumentExtract {
  text: string;
  mediaIds: string[];
  mentions: AdfMention[];
  links: string[];
}

type Step = { value: unknown } | { leave: object } | string;

/**
 * Walks any ADF tree with an explicit stack (no recursion, so any depth works) and collects plain text,
 * media ids, mentions and links. Cycles in programmatic input are skipped.
 */
export function extractDocument(roots: readonly unknown[], media: MediaResolver): DocumentExtract {
  const parts: string[] = [];
  const mediaIds = new Set<string>();
  const mentions = new Map<string, AdfMention>();
  const links = new Set<string>();
  const ancestors = new Set<object>();
  const stack: Step[] = pushReversed([], roots);
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (typeof step === 'string') {
      parts.push(step);
      continue;
    }
    if ('leave' in step) {
      ancestors.delete(step.leave);
      continue;
    }
    const node = readNode(step.value);
    if (node === undefined || ancestors.has(node.source)) continue;
    ancestors.add(node.source);
    stack.push({ leave: node.source });
    collectReferences(node, mediaIds, mentions, links);
    const block = !isInlineType(node.type);
    if (block) parts.push('\n');
    parts.push(leafPlainText(node, media));
    if (block) stack.push('\n');
    pushReversed(stack, node.content);
  }
  return { text: normaliseText(parts.join('')), mediaIds: [...mediaIds], mentions: [...mentions.values()], links: [...links] };
}

function pushReversed(stack: Step[], values: readonly unknown[]): Step[] {
  for (let index = values.length - 1; index >= 0; index -= 1) stack.push({ value: values[index] });
  return stack;
}

function collectReferences(node: AdfNode, mediaIds: Set<string>, mentions: Map<string, AdfMention>, links: Set<string>): void {
  for (const mark of node.marks) {
    const href = linkMarkHref(mark);
    if (href !== undefined) links.add(href);
  }
  if (node.type === 'text' && node.text !== undefined) {
    for (const url of bareUrls(node.text)) links.add(url);
  } else if (node.type === 'media' || node.type === 'mediaInline') {
    const ref = readMediaRef(node);
    if (ref !== undefined) mediaIds.add(ref.id);
  } else if (node.type === 'mention') {
    const accountId = attrText(node, 'id');
    if (accountId !== undefined && !mentions.has(accountId)) {
      const text = attrText(node, 'text');
      mentions.set(accountId, text === undefined ? { accountId } : { accountId, text });
    }
  } else if (node.type === 'inlineCard' || node.type === 'blockCard' || node.type === 'embedCard') {
    const url = cardUrl(node);
    if (url !== undefined) links.add(url);
  }
}

/** Trims trailing spaces on each line and collapses blank lines, so blocks read one per line. */
function normaliseText(raw: string): string {
  return raw
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

import { attrText, childPath, readNode, type AdfNode } from '../model/adf-node.js';
import { isAllowedUrl } from '../marks/link-policy.js';
import { bareUrls } from '../model/bare-urls.js';
import { cardUrl } from '../model/leaf-text.js';
import { readMediaRef } from '../model/media-ref.js';
import type { MediaResolver } from '../convert/media-resolver.js';
import type { WarningLog } from '../convert/warnings.js';
import type { AdfMention } from '../types.js';
import { leafPlainText, linkMarkHref } from './leaf-plain-text.js';
import { isInlineType } from './node-kinds.js';

export interface DocumentExtract {
  text: string;
  mediaIds: string[];
  mentions: AdfMention[];
  links: string[];
}

/** A node to visit; `parent` and `index` rebuild its JSON pointer, only when a warning needs it. */
interface Visit {
  value: unknown;
  parent: Visit | undefined;
  index: number;
}
type Step = Visit | { leave: object } | string;

/**
 * Walks any ADF tree with an explicit stack (no recursion, so any depth works) and collects plain text,
 * media ids, mentions and links. Cycles in programmatic input are skipped. With a `log`, this walk (the one
 * place that visits every node exactly once) also reports malformed `content`, `marks` and `attrs`.
 */
export function extractDocument(roots: readonly unknown[], media: MediaResolver, log?: WarningLog): DocumentExtract {
  const parts: string[] = [];
  const mediaIds = new Set<string>();
  const mentions = new Map<string, AdfMention>();
  const links = new Set<string>();
  const ancestors = new Set<object>();
  const stack: Step[] = pushReversed([], roots, undefined);
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
    if (log !== undefined) reportProblems(node, step, log);
    ancestors.add(node.source);
    stack.push({ leave: node.source });
    collectReferences(node, mediaIds, mentions, links);
    const block = !isInlineType(node.type);
    if (block) parts.push('\n');
    parts.push(leafPlainText(node, media));
    if (block) stack.push('\n');
    pushReversed(stack, node.content, step);
  }
  return { text: normaliseText(parts.join('')), mediaIds: [...mediaIds], mentions: [...mentions.values()], links: [...links] };
}

function pushReversed(stack: Step[], values: readonly unknown[], parent: Visit | undefined): Step[] {
  for (let index = values.length - 1; index >= 0; index -= 1) stack.push({ value: values[index], parent, index });
  return stack;
}

function reportProblems(node: AdfNode, visit: Visit, log: WarningLog): void {
  let path: string | undefined;
  for (const problem of node.problems) log.add((path ??= pathOf(visit)), problem);
  node.marks.forEach((mark, index) => {
    const problems = readNode(mark)?.problems ?? [];
    for (const problem of problems) log.add(childPath(childPath((path ??= pathOf(visit)), 'marks'), index), `mark ${problem}`);
  });
}

/** The JSON pointer of a visited node (children of the document root are `/content/<index>`). */
function pathOf(visit: Visit): string {
  const indexes: number[] = [];
  for (let at: Visit | undefined = visit; at !== undefined; at = at.parent) indexes.push(at.index);
  let path = '';
  for (let index = indexes.length - 1; index >= 0; index -= 1) path = childPath(childPath(path, 'content'), indexes[index]!);
  return path;
}

function collectReferences(node: AdfNode, mediaIds: Set<string>, mentions: Map<string, AdfMention>, links: Set<string>): void {
  for (const mark of node.marks) {
    const href = linkMarkHref(mark);
    if (href !== undefined && isAllowedUrl(href)) links.add(href);
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
    if (url !== undefined && isAllowedUrl(url)) links.add(url);
  }
}

/** Trims trailing spaces on each line and collapses blank lines, so blocks read one per line. */
function normaliseText(raw: string): string {
  return raw
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

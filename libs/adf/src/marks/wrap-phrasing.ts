import type { Delete, Emphasis, PhrasingContent, Strong } from 'mdast';
import { appendAll } from '../model/append-all.js';

type AttentionType = (Strong | Emphasis | Delete)['type'];

interface Edges {
  lead: string;
  inner: PhrasingContent[];
  trail: string;
}

/**
 * Phrasing nodes one strong, emphasis or delete should hold, nested ones included. mdast-util-to-markdown
 * spreads everything inside one such node into a single `push(...)` call, which overflows the stack near
 * 120,000 arguments (75,000 bare URLs in one bold run); longer runs become several wrappers. A piece ends
 * at the first whitespace past this size, and never grows past twice it.
 */
export const MAX_ATTENTION_NODES = 10_000;

/**
 * Wraps phrasing in strong/emphasis/delete, moving edge whitespace outside: `** bold**` is not bold in
 * Markdown, and whitespace-only content is left unwrapped. Content of more than
 * {@link MAX_ATTENTION_NODES} nodes is wrapped in consecutive pieces, split at whitespace where there is some.
 */
export function wrapAttention(type: AttentionType, children: PhrasingContent[]): PhrasingContent[] {
  const { lead, inner, trail } = splitEdgeWhitespace(children);
  if (inner.length === 0) return children;
  const pieces = splitForSerializer(inner);
  if (pieces.length === 1) return withEdges(lead, [{ type, children: inner }], trail);
  const middle: PhrasingContent[] = [];
  for (const piece of pieces) {
    const edges = splitEdgeWhitespace(piece);
    appendAll(middle, edges.inner.length === 0 ? piece : withEdges(edges.lead, [{ type, children: edges.inner }], edges.trail));
  }
  return withEdges(lead, middle, trail);
}

/** Splits phrasing into pieces of about {@link MAX_ATTENTION_NODES} nodes (one piece when it is small). */
function splitForSerializer(nodes: PhrasingContent[]): PhrasingContent[][] {
  if (nodes.length < MAX_ATTENTION_NODES && nodeCount(nodes, MAX_ATTENTION_NODES) < MAX_ATTENTION_NODES) return [nodes];
  const pieces: PhrasingContent[][] = [];
  let piece: PhrasingContent[] = [];
  let size = 0;
  for (const node of nodes) {
    const nodeSize = nodeCount([node], Infinity);
    if (piece.length > 0 && size + nodeSize > 2 * MAX_ATTENTION_NODES) {
      pieces.push(piece);
      piece = [];
      size = 0;
    } else if (size >= MAX_ATTENTION_NODES && node.type === 'text') {
      const space = node.value.search(/\s/);
      if (space >= 0) {
        piece.push({ type: 'text', value: node.value.slice(0, space + 1) });
        pieces.push(piece);
        const rest = node.value.slice(space + 1);
        piece = rest === '' ? [] : [{ type: 'text', value: rest }];
        size = piece.length;
        continue;
      }
    }
    piece.push(node);
    size += nodeSize;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** Phrasing nodes in `nodes` and below them, counted without recursion, stopping once past `limit`. */
function nodeCount(nodes: readonly PhrasingContent[], limit: number): number {
  let count = 0;
  const stack: (readonly PhrasingContent[])[] = [nodes];
  for (let list = stack.pop(); list !== undefined && count <= limit; list = stack.pop()) {
    count += list.length;
    for (const node of list) if ('children' in node && node.children.length > 0) stack.push(node.children as PhrasingContent[]);
  }
  return count;
}

/** Wraps phrasing in an inline HTML element (sub, sup, ins), moving edge whitespace outside the tags. */
export function wrapHtml(tag: string, children: PhrasingContent[]): PhrasingContent[] {
  const { lead, inner, trail } = splitEdgeWhitespace(children);
  if (inner.length === 0) return children;
  return withEdges(lead, [{ type: 'html', value: `<${tag}>` }, ...inner, { type: 'html', value: `</${tag}>` }], trail);
}

/** Wraps phrasing in a link to `url` (already checked and normalized), edge whitespace outside; links nested inside are unwrapped. */
export function wrapLink(url: string, title: string | null, children: PhrasingContent[]): PhrasingContent[] {
  const { lead, inner, trail } = splitEdgeWhitespace(children);
  if (inner.length === 0) return [{ type: 'link', url, title, children: unwrapLinks(children) }];
  return withEdges(lead, [{ type: 'link', url, title, children: unwrapLinks(inner) }], trail);
}

function withEdges(lead: string, middle: PhrasingContent[], trail: string): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  if (lead !== '') result.push({ type: 'text', value: lead });
  appendAll(result, middle);
  if (trail !== '') result.push({ type: 'text', value: trail });
  return result;
}

function splitEdgeWhitespace(children: PhrasingContent[]): Edges {
  const inner = [...children];
  let lead = '';
  let trail = '';
  while (inner[0]?.type === 'text') {
    const value = inner[0].value;
    const rest = value.trimStart();
    lead += value.slice(0, value.length - rest.length);
    if (rest !== '') {
      inner[0] = { type: 'text', value: rest };
      break;
    }
    inner.shift();
  }
  for (let last = inner.at(-1); last?.type === 'text'; last = inner.at(-1)) {
    const value = last.value;
    const rest = value.trimEnd();
    trail = value.slice(rest.length) + trail;
    if (rest !== '') {
      inner[inner.length - 1] = { type: 'text', value: rest };
      break;
    }
    inner.pop();
  }
  return { lead, inner, trail };
}

/** Replaces links nested in phrasing by their content: Markdown links cannot contain links. */
export function unwrapLinks(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child): PhrasingContent[] => {
    if (child.type === 'link') return unwrapLinks(child.children);
    if ('children' in child) return [{ ...child, children: unwrapLinks(child.children) } as PhrasingContent];
    return [child];
  });
}

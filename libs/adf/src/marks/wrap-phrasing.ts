import type { Delete, Emphasis, PhrasingContent, Strong } from 'mdast';
import { normalizeUrl } from './normalize-url.js';
import { appendAll } from '../model/append-all.js';

type AttentionType = (Strong | Emphasis | Delete)['type'];

interface Edges {
  lead: string;
  inner: PhrasingContent[];
  trail: string;
}

/**
 * Wraps phrasing in strong/emphasis/delete, moving edge whitespace outside: `** bold**` is not bold in
 * Markdown, and whitespace-only content is left unwrapped.
 */
export function wrapAttention(type: AttentionType, children: PhrasingContent[]): PhrasingContent[] {
  const { lead, inner, trail } = splitEdgeWhitespace(children);
  if (inner.length === 0) return children;
  return withEdges(lead, [{ type, children: inner }], trail);
}

/** Wraps phrasing in an inline HTML element (sub, sup, ins), moving edge whitespace outside the tags. */
export function wrapHtml(tag: string, children: PhrasingContent[]): PhrasingContent[] {
  const { lead, inner, trail } = splitEdgeWhitespace(children);
  if (inner.length === 0) return children;
  return withEdges(lead, [{ type: 'html', value: `<${tag}>` }, ...inner, { type: 'html', value: `</${tag}>` }], trail);
}

/** Wraps phrasing in a link, edge whitespace outside; links nested inside are unwrapped. */
export function wrapLink(href: string, title: string | null, children: PhrasingContent[]): PhrasingContent[] {
  const url = normalizeUrl(href);
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

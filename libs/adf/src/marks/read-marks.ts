import type { PhrasingContent } from 'mdast';
import { attrValue, childPath, readNode, type AdfNode } from '../model/adf-node.js';
import { linkDestination, refusedLinkMessage } from './link-policy.js';
import { wrapAttention, wrapHtml, wrapLink } from './wrap-phrasing.js';

/** A mark that changes Markdown output; `key` identifies equal marks so neighbours share one wrapper. */
export interface MarkSpec {
  key: string;
  /** Outer marks have lower ranks. */
  rank: number;
  wrap(children: PhrasingContent[]): PhrasingContent[];
}

export interface ReadMarks {
  specs: MarkSpec[];
  code: boolean;
}

/** Marks whose meaning has no Markdown form: the text is kept, the mark dropped silently. */
const PRESENTATION_MARKS = new Set(['textColor', 'backgroundColor', 'annotation', 'alignment', 'indentation', 'fontSize', 'border', 'breakout', 'dataConsumer', 'fragment']);

/** A Map, not an object literal: a mark named `toString` or `constructor` must not find `Object.prototype`'s. */
const SIMPLE_MARKS: ReadonlyMap<string, MarkSpec> = new Map([
  ['strong', { key: 'strong', rank: 1, wrap: (children: PhrasingContent[]) => wrapAttention('strong', children) }],
  ['em', { key: 'em', rank: 2, wrap: (children: PhrasingContent[]) => wrapAttention('emphasis', children) }],
  ['strike', { key: 'strike', rank: 3, wrap: (children: PhrasingContent[]) => wrapAttention('delete', children) }],
  ['underline', { key: 'underline', rank: 4, wrap: (children: PhrasingContent[]) => wrapHtml('ins', children) }],
]);

/** Reads a node's marks into wrappers ordered outermost first; unknown marks produce a warning. */
export function readMarks(marks: readonly unknown[], path: string, warn: (path: string, message: string) => void): ReadMarks {
  const specs = new Map<string, MarkSpec>();
  let code = false;
  marks.forEach((value, index) => {
    const mark = readNode(value);
    const markPath = childPath(childPath(path, 'marks'), index);
    if (mark === undefined) return warn(markPath, 'mark is not an object; ignored');
    const simple = SIMPLE_MARKS.get(mark.type);
    if (mark.type === 'code') code = true;
    else if (simple !== undefined) specs.set(mark.type, simple);
    else if (mark.type === 'link') addLink(specs, mark, markPath, warn);
    else if (mark.type === 'subsup') addSubsup(specs, attrValue(mark, 'type'));
    else if (!PRESENTATION_MARKS.has(mark.type)) warn(markPath, `unknown mark "${mark.type}" dropped; text kept`);
  });
  return { specs: [...specs.values()].sort((a, b) => a.rank - b.rank), code };
}

function addLink(specs: Map<string, MarkSpec>, mark: AdfNode, path: string, warn: (path: string, message: string) => void): void {
  const href = attrValue(mark, 'href');
  const title = attrValue(mark, 'title');
  if (typeof href !== 'string' || href === '') return warn(path, 'link mark without href dropped; text kept');
  const destination = linkDestination(href);
  if (!destination.allowed) return warn(path, refusedLinkMessage('link mark', destination.scheme, 'link dropped, text kept'));
  const linkTitle = typeof title === 'string' && title !== '' ? title : null;
  const { url } = destination;
  specs.set('link', {
    key: `link ${url} ${linkTitle ?? ''}`,
    rank: 0,
    wrap: (children) => wrapLink(url, linkTitle, children),
  });
}

function addSubsup(specs: Map<string, MarkSpec>, type: unknown): void {
  const tag = type === 'sub' ? 'sub' : 'sup';
  specs.set('subsup', { key: `subsup ${tag}`, rank: 5, wrap: (children) => wrapHtml(tag, children) });
}

import type { BlockContent } from 'mdast';
import type { BlockHandler } from '../convert/handler-types.js';
import { attrText } from '../model/adf-node.js';

/** `expand` / `nestedExpand` -> its title in bold, then its content, always expanded. */
export const convertExpand: BlockHandler = (node, ctx, at) => {
  const title = attrText(node, 'title')?.trim();
  const heading: BlockContent[] = title ? [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }] }] : [];
  return [...heading, ...ctx.blocks(node, at)];
};

import type { BlockContent } from 'mdast';
import type { BlockHandler } from '../convert/handler-types.js';
import { trimBreaks } from '../convert/trim-breaks.js';

/** `paragraph` -> paragraph; alignment, indentation and font-size marks have no Markdown form. */
export const convertParagraph: BlockHandler = (node, ctx, at): BlockContent[] => {
  const children = trimBreaks(ctx.inlines(node, at));
  return children.length === 0 ? [] : [{ type: 'paragraph', children }];
};

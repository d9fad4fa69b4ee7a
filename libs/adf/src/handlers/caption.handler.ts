import type { BlockHandler } from '../convert/handler-types.js';
import { trimBreaks } from '../convert/trim-breaks.js';
import { wrapAttention } from '../marks/wrap-phrasing.js';

/** `caption` (under a mediaSingle) -> an emphasised paragraph below the image. */
export const convertCaption: BlockHandler = (node, ctx, at) => {
  const children = trimBreaks(ctx.inlines(node, at));
  return children.length === 0 ? [] : [{ type: 'paragraph', children: wrapAttention('emphasis', children) }];
};

import type { BlockHandler } from '../convert/handler-types.js';

/** `blockquote` -> block quote. */
export const convertBlockquote: BlockHandler = (node, ctx, at) => {
  const children = ctx.blocks(node, at);
  return children.length === 0 ? [] : [{ type: 'blockquote', children }];
};

import type { BlockHandler } from '../convert/handler-types.js';

/** `layoutSection` -> its columns' content one after another: Markdown has no columns. */
export const convertLayoutSection: BlockHandler = (node, ctx, at) => ctx.blocks(node, at);

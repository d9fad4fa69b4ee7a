import type { BlockHandler } from '../convert/handler-types.js';

/**
 * Nodes that only group blocks and have no Markdown form of their own (`doc`, `layoutColumn`,
 * `bodiedSyncBlock`, `caption`): their content, in order.
 */
export const convertContainer: BlockHandler = (node, ctx, at) => ctx.blocks(node, at);

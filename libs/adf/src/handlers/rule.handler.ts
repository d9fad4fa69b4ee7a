import type { BlockHandler } from '../convert/handler-types.js';

/** `rule` -> thematic break. */
export const convertRule: BlockHandler = () => [{ type: 'thematicBreak' }];

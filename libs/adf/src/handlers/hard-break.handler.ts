import type { InlineHandler } from '../convert/handler-types.js';

/** `hardBreak` -> hard line break (a backslash at the end of the line). */
export const convertHardBreak: InlineHandler = () => [{ type: 'break' }];

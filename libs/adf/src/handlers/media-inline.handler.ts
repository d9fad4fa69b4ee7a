import type { InlineHandler } from '../convert/handler-types.js';
import { renderMedia } from './media.handler.js';

/** `mediaInline` -> inline image, file link or placeholder (marks are applied by the caller). */
export const convertMediaInline: InlineHandler = (node, ctx, at) => renderMedia(node, ctx, at);

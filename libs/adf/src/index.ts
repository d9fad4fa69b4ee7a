export { adfToMarkdown, adfToMdast } from './adf-to-markdown.js';
export type { AdfMdastResult } from './adf-to-markdown.js';
export { DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT } from './types.js';
export type {
  AdfConversionResult,
  AdfMediaRef,
  AdfMention,
  AdfToMarkdownOptions,
  AdfWarning,
  ResolveMedia,
  ResolvedMedia,
} from './types.js';

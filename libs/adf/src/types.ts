/** What the caller's media lookup receives: the ADF media node's identity. */
export interface AdfMediaRef {
  /** Media Services file id (`attrs.id`), not the Jira attachment id. */
  id: string;
  collection?: string;
  alt?: string;
  /** ADF media type: `file`, `link` or (mediaInline) `image`. */
  type?: string;
}

/** What the caller's media lookup returns for an attachment it knows. */
export interface ResolvedMedia {
  filename: string;
  /** Where the file can be fetched; without it the media renders as a text placeholder. */
  url?: string;
  /** Decides image versus link; falls back to the filename's extension. */
  mimeType?: string;
  attachmentId?: string;
}

export type ResolveMedia = (ref: AdfMediaRef) => ResolvedMedia | undefined;

export interface AdfToMarkdownOptions {
  /** Maps ADF media to the attachments. Called at most once per media id. */
  resolveMedia?: ResolveMedia;
  /**
   * Nesting depth rendered as structure; deeper content degrades to plain text with a warning.
   * Clamped to 1..{@link MAX_DEPTH_LIMIT}; default {@link DEFAULT_MAX_DEPTH}.
   */
  maxDepth?: number;
}

export interface AdfMention {
  accountId: string;
  /** Display text as stored in the document, e.g. `@Jane Doe`. */
  text?: string;
}

export interface AdfWarning {
  /** JSON pointer into the input, e.g. `/content/0/content/2`. */
  path: string;
  message: string;
}

export interface AdfConversionResult {
  /** GitHub-flavoured Markdown, ending with a newline unless empty. */
  markdown: string;
  /** Plain text for search: every text leaf, blocks on separate lines. */
  text: string;
  /** Media ids referenced by media, mediaSingle, mediaGroup and mediaInline, unique, in document order. */
  mediaIds: string[];
  /** Mentioned accounts, unique by account id, in document order. */
  mentions: AdfMention[];
  /**
   * Link-mark hrefs, smart-card URLs and bare http(s) URLs in text, unique, in document order; only those with
   * an allowed scheme (http, https, mailto) or none (relative).
   */
  links: string[];
  /** Everything that was degraded, dropped or malformed. Empty for clean input. */
  warnings: AdfWarning[];
}

export const DEFAULT_MAX_DEPTH = 100;
/** Measured: mdast-util-to-markdown overflows Node's default stack near 1,000 nested list levels. */
export const MAX_DEPTH_LIMIT = 300;

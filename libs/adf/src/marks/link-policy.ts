import { normalizeUrl } from './normalize-url.js';

/**
 * Schemes a rendered link or image may use. Anything else (`javascript:`, `vbscript:`, `data:`, `file:`,
 * unknown schemes) would be followed or run by whatever renders the Markdown, so it is never made live.
 * URLs without a scheme (Jira's own `/browse/KEY-1`, `#anchor`, `//host/path`) are relative and allowed.
 */
export const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** What a browser's URL parser ignores anywhere: tab and line endings (C0 controls and spaces at the ends, too). */
const IGNORED_ANYWHERE = /[\t\n\r]/g;

export type LinkDestination =
  /** A URL to write as the destination, percent-encoded where Markdown needs it. */
  | { allowed: true; url: string }
  /** Not to be linked: `scheme` is lower-case and without the colon; '' for an empty URL. */
  | { allowed: false; scheme: string };

/**
 * Decides whether a document URL may become a link or image destination, judging it as a browser would
 * read it (`java\tscript:` and ` javascript:` are `javascript:`), and returns it ready for the tree.
 */
export function linkDestination(raw: string): LinkDestination {
  const cleaned = trimControls(raw.replace(IGNORED_ANYWHERE, ''));
  if (cleaned === '') return { allowed: false, scheme: '' };
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) return { allowed: false, scheme };
  return { allowed: true, url: normalizeUrl(cleaned) };
}

/** Strips C0 controls and spaces from both ends (by index: an end-anchored regex is quadratic on long runs). */
function trimControls(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end -= 1;
  return value.slice(start, end);
}

/** True when {@link linkDestination} would link the URL. */
export function isAllowedUrl(raw: string): boolean {
  return linkDestination(raw).allowed;
}

/** The warning for a URL that is not linked. */
export function refusedLinkMessage(what: string, scheme: string, kept: string): string {
  if (scheme === '') return `${what} has an empty URL; ${kept}`;
  return `${what} uses the "${scheme}:" scheme, which is not linked (only ${[...ALLOWED_SCHEMES].join(', ')} and relative URLs are); ${kept}`;
}

import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { fastLink, fastRoot, fastText } from './fast-safe.js';
import { groupPlainRuns, PLAIN_RUN, plainRun } from './plain-runs.js';

/**
 * mdast-util-gfm-autolink-literal escapes the `.` of `www.` only before ASCII word characters, and the
 * serializer drops that escape when the next character is escaped anyway. Then `www._` or `www.中&`
 * parses as a literal autolink, which ignores escapes. Encoding the last `w` as a character reference in
 * exactly those cases keeps such text plain.
 */
const WWW_PREFIX_UNSAFE: Options['unsafe'] = ['w', 'W'].map((character) => ({
  character,
  before: '[Ww]{2}',
  after: '\\.[^A-Za-z0-9.\\-]',
  inConstruct: 'phrasing',
  notInConstruct: ['autolink', 'link', 'image', 'label'],
}));

/**
 * `*` for emphasis: unlike `_`, it works between letters (`un*believ*able`), so intraword emphasis needs no
 * character references.
 */
const OPTIONS: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  resourceLink: false,
  unsafe: WWW_PREFIX_UNSAFE,
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  // The run nodes are this module's own: mdast's types do not know them.
  handlers: { root: fastRoot, text: fastText, link: fastLink, [PLAIN_RUN]: plainRun } as Options['handlers'],
};

/** The same options without the speed-ups of `fast-safe.ts`, to check that they change nothing. */
export const REFERENCE_OPTIONS: Options = { ...OPTIONS, handlers: {} };

/** Serializes mdast as GitHub-flavoured Markdown; all escaping is left to mdast-util-to-markdown. */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(groupPlainRuns(tree), OPTIONS);
}

import type { JqlIssue } from './jql-issue.js';

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_*]+/gu) ?? [];
}

/**
 * A tiny stand-in for Jira's text index: every word of `query` must occur as a word (case-insensitive)
 * in the searched text; a trailing `*` matches a prefix. No stemming, no stop words, no phrases.
 * A query without words matches nothing.
 */
export function createTextMatcher(query: string, includeBody: boolean): (issue: JqlIssue) => boolean {
  const wanted = wordsOf(query).map((word) => word.replace(/\*+$/, '')).filter((word) => word !== '');
  const prefixes = new Set(wordsOf(query).filter((word) => word.endsWith('*')).map((word) => word.replace(/\*+$/, '')));
  return (issue) => {
    if (wanted.length === 0) return false;
    const haystack = wordsOf(`${issue.summary ?? ''} ${includeBody ? (issue.text ?? '') : ''}`);
    const words = new Set(haystack);
    return wanted.every((word) =>
      prefixes.has(word) ? haystack.some((candidate) => candidate.startsWith(word)) : words.has(word),
    );
  };
}

/** Characters that may appear unencoded in a URL (RFC 3986 reserved and unreserved, plus `%`). */
const URL_SAFE = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/u;
const ALL_URL_SAFE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/**
 * Percent-encodes characters that cannot appear in a URL (spaces, `<`, `>`, quotes, non-ASCII). Markdown
 * destinations such as `<a` or `a b` are otherwise not links at all; browsers apply the same encoding.
 */
export function normalizeUrl(url: string): string {
  if (ALL_URL_SAFE.test(url)) return url;
  let result = '';
  for (const character of url) {
    if (URL_SAFE.test(character)) result += character;
    else result += encodeCharacter(character);
  }
  return result;
}

function encodeCharacter(character: string): string {
  try {
    return encodeURIComponent(character);
  } catch {
    // A lone surrogate has no UTF-8 encoding.
    return '%EF%BF%BD';
  }
}

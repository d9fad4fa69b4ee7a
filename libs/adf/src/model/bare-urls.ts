/** A URL candidate: `http(s)://` and everything up to whitespace, `<`, `>`, quotes or a backtick. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*_~\]}]$/;

/** A piece of text: plain, or a bare URL. */
export interface TextPiece {
  value: string;
  url: boolean;
}

/**
 * Splits text into plain pieces and bare http(s) URLs, in order. Trailing sentence punctuation and an
 * unbalanced closing parenthesis stay outside the URL, as when GitHub links bare URLs.
 */
export function splitBareUrls(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = trimUrl(match[0]);
    if (url.length <= match[0].indexOf('//') + 2) continue;
    if (match.index > last) pieces.push({ value: text.slice(last, match.index), url: false });
    pieces.push({ value: url, url: true });
    last = match.index + url.length;
  }
  if (last < text.length) pieces.push({ value: text.slice(last), url: false });
  return pieces;
}

/** The bare URLs in a text. */
export function bareUrls(text: string): string[] {
  return splitBareUrls(text)
    .filter((piece) => piece.url)
    .map((piece) => piece.value);
}

function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

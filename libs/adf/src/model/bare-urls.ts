/** A URL candidate: `http(s)://` and everything up to whitespace, `<`, `>`, quotes or a backtick. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Sentence punctuation that ends a bare URL rather than belonging to it: `.,;:!?*_~]}`. */
const TRAILING_PUNCTUATION: ReadonlySet<number> = new Set([...'.,;:!?*_~]}'].map((character) => character.charCodeAt(0)));
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

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

/**
 * Drops trailing punctuation, and closing parentheses that have no opening one, from the end of a URL
 * candidate. One pass each way over the candidate: repeated re-counting would be quadratic in a run of `)`.
 */
function trimUrl(candidate: string): string {
  let open = 0;
  let close = 0;
  for (let index = 0; index < candidate.length; index += 1) {
    const code = candidate.charCodeAt(index);
    if (code === OPEN_PAREN) open += 1;
    else if (code === CLOSE_PAREN) close += 1;
  }
  let end = candidate.length;
  while (end > 0) {
    const code = candidate.charCodeAt(end - 1);
    if (TRAILING_PUNCTUATION.has(code)) end -= 1;
    else if (code === CLOSE_PAREN && open < close) {
      end -= 1;
      close -= 1;
    } else break;
  }
  return candidate.slice(0, end);
}

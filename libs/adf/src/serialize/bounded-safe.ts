import type { SafeConfig, State } from 'mdast-util-to-markdown';

/**
 * `state.safe` records every position it may escape in arrays and an object keyed by position, tens of
 * bytes each: ten megabytes of `*` took 1.7 GB. Longer values are made safe in pieces of about this many
 * characters, each seeing {@link CONTEXT} raw characters of its neighbours as its `before` and `after`.
 */
export const SAFE_PIECE = 16_384;
const CONTEXT = 32;
/** How far past {@link SAFE_PIECE} a piece may grow while looking for a boundary. */
const BOUNDARY_SEARCH = 4_096;

type Safe = State['safe'];

/**
 * Wraps `safe` so that values longer than {@link SAFE_PIECE} are escaped piece by piece. An unsafe
 * pattern looks at most a few characters around its own, except runs of whitespace (`atBreak`, line
 * endings) and digits (ordered-list markers); pieces end only between two characters that are neither,
 * so every pattern that matches in the whole value matches in the piece with its context. At a piece's
 * edges the serializer cannot see that the next character is escaped anyway and may add an escape the
 * whole value would not have had (`\!\[` for `!\[`): never fewer, and every extra one is a backslash
 * before punctuation, which reads the same. Autolinks, where escapes do not work, are never split.
 */
export function boundedSafe(safe: Safe, state: State): Safe {
  return (value, config) => {
    const input = value ?? '';
    if (input.length <= SAFE_PIECE || state.stack.includes('autolink')) return safe(value, config);
    let result = '';
    let start = 0;
    while (start < input.length) {
      const end = pieceEnd(input, start + SAFE_PIECE);
      const piece: SafeConfig = {
        ...config,
        before: start === 0 ? config.before : input.slice(start - CONTEXT, start),
        after: end === input.length ? config.after : contextAfter(input, end, config.after ?? ''),
        beforeNode: start === 0 ? config.beforeNode : undefined,
        afterNode: end === input.length ? config.afterNode : undefined,
      };
      result += safe(input.slice(start, end), piece);
      start = end;
    }
    return result;
  };
}

/**
 * What follows a piece: the next raw characters, and the value's own `after` when they reach its end. Cut
 * after the first backslash: `safe` escapes a backslash of its `after` that is followed by punctuation as
 * if it were its own (its callers pass one character). Every unsafe pattern looks at most two characters
 * ahead, and only at the first when it is a backslash, so the cut loses nothing.
 */
function contextAfter(input: string, end: number, after: string): string {
  const raw = input.slice(end, end + CONTEXT);
  const backslash = raw.indexOf('\\');
  if (backslash >= 0) return raw.slice(0, backslash + 1);
  return end + CONTEXT >= input.length ? raw + after : raw;
}

/** The first boundary at or after `from` between two characters that are not whitespace or digits; else the end. */
function pieceEnd(input: string, from: number): number {
  const limit = Math.min(input.length, from + BOUNDARY_SEARCH);
  for (let index = from; index < limit; index += 1) {
    if (isBoundaryCharacter(input.charCodeAt(index - 1)) && isBoundaryCharacter(input.charCodeAt(index)) && !isLowSurrogate(input.charCodeAt(index))) return index;
  }
  return input.length;
}

function isBoundaryCharacter(code: number): boolean {
  return !(code <= 0x20 || (code >= 0x30 && code <= 0x39) || code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

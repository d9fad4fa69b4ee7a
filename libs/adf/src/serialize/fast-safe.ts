import type { Link, Text } from 'mdast';
import { defaultHandlers, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';
import { boundedSafe } from './bounded-safe.js';

/**
 * Speed-ups for mdast-util-to-markdown that leave its output unchanged; all escaping stays its own.
 *
 * `state.safe` tries every unsafe pattern (about 60 with GFM) on every piece of text, and each pattern can
 * only mark its own `character`. Patterns whose character does not occur in the text and its context can
 * mark nothing, so calling `safe` with only the others gives the same result for a fraction of the work.
 * Nor can a pattern out of scope of the construct stack, nor an `atBreak` one where there is no line
 * ending. When none is left that can mark a character of the value itself, and it has no backslash,
 * `safe` returns the value unchanged, and so does the filtered `safe` without calling it.
 *
 * Text has no `peek`, so the serializer renders every text node twice: once in full, to learn the first
 * character that follows the previous node. That character is the text's own unless the serializer
 * escapes or encodes it, which it only does to a pattern character or a backslash.
 *
 * A link written as an autolink (`<https://…>`, every bare URL) is its one text child made safe inside
 * `autolink`; the link handler gets there through the generic phrasing machinery (trackers, lookahead,
 * attention checks), which costs more than the text itself. For exactly the links it would write that way,
 * the same `state.safe` call is made directly.
 *
 * Both rest on the documented `Unsafe.character` ("single unsafe character"); when any pattern's
 * character is not one ASCII character, neither is used. `fast-safe.test.ts` compares against the
 * unmodified serializer.
 */

interface Patterns {
  /** Bit index of each pattern character, by char code; -1 for characters no pattern uses. */
  bitOf: Int8Array;
  /** Every pattern, in order, with the bit of its character. */
  all: readonly Unsafe[];
  bits: readonly number[];
  /** The characters of the patterns in scope, by construct stack: all of them, and those not `atBreak`. */
  scopes: Map<string, { all: Mask; inLine: Mask }>;
  /** Filtered pattern lists by construct stack and set of pattern characters present. */
  cache: Map<string, readonly Unsafe[]>;
}

/** A set of pattern characters: bits 0-31 and 32-63. */
interface Mask {
  low: number;
  high: number;
}

const MAX_CACHED_SETS = 4096;
const BACKSLASH = 0x5c;
const patternsOf = new WeakMap<State, Patterns | null>();

/** Installs the filtered and bounded `safe` on a serializer state (once, from the root handler). */
function install(state: State): void {
  const patterns = readPatterns(state.unsafe);
  patternsOf.set(state, patterns);
  const original = state.safe.bind(state);
  const filtered: State['safe'] =
    patterns === null
      ? original
      : (value, config) => {
          const all = state.unsafe;
          if (all !== patterns.all) return original(value, config);
          const input = value ?? '';
          const stack = state.stack.join('\n');
          const scopes = scopeOf(patterns, stack, state.stack);
          // An `atBreak` pattern starts with a line ending (`[\r\n][\t ]*`): without one it matches nothing.
          const scope = hasLineEnding(input) || hasLineEnding(config.before) || hasLineEnding(config.after) ? scopes.all : scopes.inLine;
          const own = maskOf(patterns, input);
          // No pattern in scope can mark a character of the value, so `safe` escapes nothing but
          // backslashes before punctuation, and there are none.
          if ((own.low & scope.low) === 0 && (own.high & scope.high) === 0 && !input.includes('\\')) return input;
          const around = maskOf(patterns, `${config.before ?? ''}${config.after ?? ''}`);
          state.unsafe = patternsFor(patterns, stack, { low: (own.low | around.low) & scope.low, high: (own.high | around.high) & scope.high }) as Unsafe[];
          try {
            return original(value, config);
          } finally {
            state.unsafe = all;
          }
        };
  state.safe = boundedSafe(filtered, state);
}

function readPatterns(unsafe: readonly Unsafe[]): Patterns | null {
  const bitOf = new Int8Array(128).fill(-1);
  const bits: number[] = [];
  let next = 0;
  for (const pattern of unsafe) {
    const code = pattern.character.charCodeAt(0);
    if (pattern.character.length !== 1 || code >= 128) return null;
    if (bitOf[code] === -1) {
      if (next >= 64) return null;
      bitOf[code] = next++;
    }
    bits.push(bitOf[code]!);
  }
  return { bitOf, all: unsafe, bits, scopes: new Map(), cache: new Map() };
}

const hasBit = (mask: Mask, bit: number) => (bit < 32 ? (mask.low & (1 << bit)) !== 0 : (mask.high & (1 << (bit - 32))) !== 0);

function maskOf(patterns: Patterns, text: string): Mask {
  let low = 0;
  let high = 0;
  const { bitOf } = patterns;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128) continue;
    const bit = bitOf[code]!;
    if (bit < 0) continue;
    if (bit < 32) low |= 1 << bit;
    else high |= 1 << (bit - 32);
  }
  return { low, high };
}

/** As the serializer's `patternInScope`; node conditions are left to `safe` (such patterns count as in scope). */
function inScope(stack: readonly string[], pattern: Unsafe): boolean {
  const list = (value: Unsafe['inConstruct']) => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value);
  const inside = list(pattern.inConstruct);
  const outside = list(pattern.notInConstruct);
  return (inside.length === 0 || inside.some((name) => stack.includes(name))) && !outside.some((name) => stack.includes(name));
}

const hasLineEnding = (text: string | null | undefined) => text !== undefined && text !== null && (text.includes('\n') || text.includes('\r'));

function scopeOf(patterns: Patterns, key: string, stack: readonly string[]): { all: Mask; inLine: Mask } {
  const cached = patterns.scopes.get(key);
  if (cached !== undefined) return cached;
  const all: Mask = { low: 0, high: 0 };
  const inLine: Mask = { low: 0, high: 0 };
  const add = (mask: Mask, bit: number) => {
    if (bit < 32) mask.low |= 1 << bit;
    else mask.high |= 1 << (bit - 32);
  };
  patterns.all.forEach((pattern, index) => {
    if (!inScope(stack, pattern)) return;
    add(all, patterns.bits[index]!);
    if (!pattern.atBreak) add(inLine, patterns.bits[index]!);
  });
  const scopes = { all, inLine };
  if (patterns.scopes.size < MAX_CACHED_SETS) patterns.scopes.set(key, scopes);
  return scopes;
}

/** The patterns whose character is in `present` (already limited to the scope of `stack`). */
function patternsFor(patterns: Patterns, stack: string, present: Mask): readonly Unsafe[] {
  const key = `${present.low}:${present.high}:${stack}`;
  const cached = patterns.cache.get(key);
  if (cached !== undefined) return cached;
  const list = patterns.all.filter((_, index) => hasBit(present, patterns.bits[index]!));
  if (patterns.cache.size < MAX_CACHED_SETS) patterns.cache.set(key, list);
  return list;
}

/** The root handler: installs the filtered `safe`, then serializes as usual. */
export const fastRoot: Handle = (node, parent, state, info) => {
  install(state);
  return defaultHandlers.root(node as never, parent, state, info);
};

/** A `peek` for text that skips rendering when the first character cannot change. */
export const peekText: Handle = (node, parent, state, info) => {
  const { value } = node as Text;
  const code = value.charCodeAt(0);
  const patterns = patternsOf.get(state);
  if (value === '' || (patterns && code !== BACKSLASH && (code >= 128 || patterns.bitOf[code] === -1))) return value;
  return defaultHandlers.text(node as never, parent, state, info);
};

/** The text handler, unchanged, with {@link peekText}. */
export const fastText: Handle & { peek: Handle } = Object.assign(
  (node: Text, parent: Parameters<Handle>[1], state: State, info: Parameters<Handle>[3]) => defaultHandlers.text(node, parent, state, info),
  { peek: peekText },
);

/** The link handler's test for writing a link as `<url>` (`formatLinkAsAutolink`), for a link with one text child. */
function isPlainAutolink(node: Link, state: State): node is Link & { children: [Text] } {
  const [child] = node.children;
  return (
    !state.options.resourceLink &&
    Boolean(node.url) &&
    !node.title &&
    node.children.length === 1 &&
    child?.type === 'text' &&
    (child.value === node.url || `mailto:${child.value}` === node.url) &&
    /^[a-z][+\-.a-z]+:/i.test(node.url) &&
    !/[\0- <>\u007F]/.test(node.url)
  );
}

/** The link handler; autolinks are written as the library writes them, without its phrasing machinery. */
export const fastLink: Handle & { peek: Handle } = Object.assign(
  (node: Link, parent: Parameters<Handle>[1], state: State, info: Parameters<Handle>[3]) => {
    if (!isPlainAutolink(node, state)) return defaultHandlers.link(node, parent, state, info);
    // As the link handler does: phrasing constructs cannot form inside an autolink.
    const stack = state.stack;
    state.stack = stack.filter((construct) => construct !== 'phrasing');
    const exit = state.enter('autolink');
    const value = `<${state.safe(node.children[0].value, { before: '<', after: '>' })}>`;
    exit();
    state.stack = stack;
    return value;
  },
  { peek: defaultHandlers.link.peek! },
);

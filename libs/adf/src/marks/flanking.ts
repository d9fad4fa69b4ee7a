import type { PhrasingContent, Text } from 'mdast';

/**
 * Whether `**`, `*` and `~~` open or close depends on the characters on both sides of the marker
 * (CommonMark's flanking rules). Emphasis between letters (`un*believ*able`) works with `*`, which is why
 * the serializer uses it; one combination still fails: punctuation just inside the marker and a letter
 * or digit just outside (`**Note:**text`, `a*(b)*`). The serializer then makes the emphasis work by writing
 * the outer letter as a character reference (`**Note:**&#x74;ext`): correct, but unreadable and bad for
 * search. Moving that edge punctuation (and any whitespace next to it) outside the emphasis gives
 * `**Note**:text` and `a(*b*)`, plain text that reads the same.
 *
 * Only edges that are text on both sides are changed, and only when the emphasis still starts and ends
 * with a letter or digit afterwards; anything else is left to the serializer's character references.
 */
export function keepEmphasisFlanking(nodes: PhrasingContent[]): PhrasingContent[] {
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (!isAttention(node)) continue;
    const before = nodes[index - 1];
    const after = nodes[index + 1];
    let children = node.children;
    const first = children[0];
    if (before?.type === 'text' && kindBefore(before.value) === 'word' && first?.type === 'text') {
      const cut = leadingEdge(first.value);
      if (cut > 0 && cut < first.value.length && kindAfter(first.value.slice(cut)) === 'word') {
        nodes[index - 1] = text(before.value + first.value.slice(0, cut));
        children = [text(first.value.slice(cut)), ...children.slice(1)];
      }
    }
    const last = children.at(-1);
    if (after?.type === 'text' && kindAfter(after.value) === 'word' && last?.type === 'text') {
      const cut = trailingEdge(last.value);
      if (cut < last.value.length && cut > 0 && kindBefore(last.value.slice(0, cut)) === 'word') {
        nodes[index + 1] = text(last.value.slice(cut) + after.value);
        children = [...children.slice(0, -1), text(last.value.slice(0, cut))];
      }
    }
    if (children !== node.children) nodes[index] = { ...node, children } as PhrasingContent;
  }
  return nodes;
}

type Attention = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' }>;

function isAttention(node: PhrasingContent): node is Attention {
  return node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete';
}

function text(value: string): Text {
  return { type: 'text', value };
}

type Kind = 'word' | 'punctuation' | 'space' | 'none';

const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const SPACE = /^\s$/u;

function kindOf(character: string | undefined): Kind {
  if (character === undefined || character === '') return 'none';
  if (SPACE.test(character)) return 'space';
  return PUNCTUATION.test(character) ? 'punctuation' : 'word';
}

/** The kind of the last character (code point) of `value`. */
function kindBefore(value: string): Kind {
  return kindOf(lastCodePoint(value, value.length));
}

/** The kind of the first character (code point) of `value`. */
function kindAfter(value: string): Kind {
  const code = value.codePointAt(0);
  return kindOf(code === undefined ? undefined : String.fromCodePoint(code));
}

/** The length of the run of punctuation and whitespace at the start of `value`. */
function leadingEdge(value: string): number {
  let index = 0;
  while (index < value.length) {
    const character = String.fromCodePoint(value.codePointAt(index)!);
    if (kindOf(character) === 'word') break;
    index += character.length;
  }
  return index;
}

/** Where the run of punctuation and whitespace at the end of `value` starts (scanning back, linear). */
function trailingEdge(value: string): number {
  let end = value.length;
  while (end > 0) {
    const character = lastCodePoint(value, end);
    if (kindOf(character) === 'word') break;
    end -= character.length;
  }
  return end;
}

/** The code point that ends at `end` (a surrogate pair counts as one). */
function lastCodePoint(value: string, end: number): string {
  if (end <= 0) return '';
  const low = value.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = value.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return value.slice(end - 2, end);
  }
  return value.slice(end - 1, end);
}

import type { Link, Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State } from 'mdast-util-to-markdown';
import { peekText } from './fast-safe.js';

/**
 * mdast-util-to-markdown's phrasing loop costs more per child than most children cost themselves: a
 * tracker, a peek at the next child, three info objects and a token in the attention check, per child. A
 * paragraph of bare URLs (each one a link) has hundreds of thousands of children.
 *
 * Text and link children are never attention (emphasis, strong, strikethrough): the loop writes each one
 * as its handler's string, with the last character of the one before as `before` and the first of the
 * next one's peek as `after`, and joins them; the attention check sees only their first and last
 * characters. So a run of them is written here, as that loop writes them, into one string that the
 * library's loop then treats as one child. Position tracking does not change the output of text and links.
 */
export const PLAIN_RUN = 'plainRun';

/** A run of text and link children, and the nodes around it in the original parent. */
interface PlainRun {
  type: typeof PLAIN_RUN;
  children: Array<Text | Link>;
  beforeNode: PhrasingContent | undefined;
  afterNode: PhrasingContent | undefined;
}

/** Runs shorter than this stay as they are: the loop is cheap for a few children. */
const MIN_RUN = 8;
/** Parents whose children the serializer writes with its phrasing loop. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'strong', 'emphasis', 'delete', 'link']);

const isPlain = (node: Nodes): node is Text | Link => node.type === 'text' || node.type === 'link';

/** The tree with every long run of text and link children grouped; shares unchanged subtrees, never mutates. */
export function groupPlainRuns(tree: Root): Root {
  return groupIn(tree) as Root;
}

function groupIn(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const children = node.children as Nodes[];
  let changed: Nodes[] | undefined;
  const grouping = PHRASING_PARENTS.has(node.type);
  let index = 0;
  while (index < children.length) {
    const child = children[index]!;
    if (grouping && isPlain(child)) {
      let end = index + 1;
      while (end < children.length && isPlain(children[end]!)) end += 1;
      if (end - index >= MIN_RUN) {
        changed ??= children.slice(0, index);
        const run: PlainRun = {
          type: PLAIN_RUN,
          children: children.slice(index, end).map((plain) => groupIn(plain) as Text | Link),
          beforeNode: children[index - 1] as PhrasingContent | undefined,
          afterNode: children[end] as PhrasingContent | undefined,
        };
        changed.push(run as unknown as Nodes);
        index = end;
        continue;
      }
    }
    const grouped = groupIn(child);
    if (changed === undefined && grouped !== child) changed = children.slice(0, index);
    changed?.push(grouped);
    index += 1;
  }
  return changed === undefined ? node : ({ ...node, children: changed } as Nodes);
}

function firstCharacter(value: string): string {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
}

/** What the phrasing loop peeks at for `node`: the same first character. */
function peek(node: Text | Link, parent: Parents | undefined, state: State, info: Info): string {
  if (node.type === 'text') return peekText(node, parent, state, info);
  return defaultHandlers.link.peek!(node, parent, state);
}

/** Short texts repeat (the spaces between URLs); longer ones are not worth a key. */
const MEMO_LENGTH = 64;
/** Past this many entries the memo starts over, so that unique texts cannot grow it without bound. */
const MEMO_ENTRIES = 16_384;

/** Writes a run as the phrasing loop writes its children one by one. */
const writeRun = (node: PlainRun, parent: Parents | undefined, state: State, info: Info): string => {
  const { children } = node;
  const at = (index: number) => (index < 0 ? node.beforeNode : index < children.length ? children[index] : node.afterNode);
  const peekInfo: Info = { before: '', after: '', now: info.now, lineShift: info.lineShift };
  // Within the run the construct stack does not change, so a text's escaping depends only on its value and
  // the characters around it, unless some pattern looks at neighbouring nodes.
  const memo = state.unsafe.some((pattern) => pattern.beforeNode || pattern.afterNode) ? undefined : new Map<string, string>();
  const parts: string[] = [];
  let before = info.before;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    const next = children[index + 1];
    let after = info.after;
    if (next !== undefined) {
      const key = memo && next.type === 'text' && next.value.length <= MEMO_LENGTH ? `p\0${next.value}` : undefined;
      let peeked = key === undefined ? undefined : memo!.get(key);
      if (peeked === undefined) {
        peeked = firstCharacter(peek(next, parent, state, peekInfo));
        if (key !== undefined) remember(memo!, key, peeked);
      }
      after = peeked;
    }
    let value: string;
    if (child.type === 'text') {
      const key = memo && child.value.length <= MEMO_LENGTH ? `t\0${before}\0${child.value}\0${after}` : undefined;
      const known = key === undefined ? undefined : memo!.get(key);
      value = known ?? state.safe(child.value, { before, after, beforeNode: at(index - 1), afterNode: at(index + 1) });
      if (key !== undefined && known === undefined) remember(memo!, key, value);
    } else {
      value = state.handle(child, parent, state, { now: info.now, lineShift: info.lineShift, before, after });
    }
    if (!value) continue;
    parts.push(value);
    before = lastCharacter(value);
  }
  return parts.join('');
};

function remember(memo: Map<string, string>, key: string, value: string): void {
  if (memo.size >= MEMO_ENTRIES) memo.clear();
  memo.set(key, value);
}

/** The handler of {@link PLAIN_RUN} nodes. */
export const plainRun: Handle & { peek: Handle } = Object.assign(writeRun as unknown as Handle, {
  peek: ((node: PlainRun, parent: Parents | undefined, state: State, info: Info) => peek(node.children[0]!, parent, state, info)) as unknown as Handle,
});
